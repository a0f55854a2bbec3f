using Microsoft.Data.Sqlite;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Storage.Sqlite;

/// <summary>
/// SQLite's merge: a prepared upsert per session and per sample, in the caller's write transaction, through SQLite's
/// C API (<see cref="SqliteStatement"/>). A row whose JSON is unchanged is not written (<c>WHERE … IS NOT excluded.json</c>),
/// so merging the same data again writes nothing.
/// </summary>
internal static class SqliteMerge
{
    private const string UpsertSession = """
        INSERT INTO sessions (instance_id, user_id, participant_uuid, join_ms, json) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (instance_id, user_id) DO UPDATE SET participant_uuid = excluded.participant_uuid, join_ms = excluded.join_ms, json = excluded.json
        WHERE sessions.json IS NOT excluded.json
        RETURNING id
        """;

    private const string FindSession = "SELECT id FROM sessions WHERE instance_id = ?1 AND user_id = ?2";

    private const string UpsertSample = """
        INSERT INTO samples (session_id, minute, json) VALUES (?1, ?2, ?3)
        ON CONFLICT (session_id, minute) DO UPDATE SET json = excluded.json WHERE samples.json IS NOT excluded.json
        """;

    public static async Task<MergeResult> RunAsync(SqliteConnection connection, SqliteTransaction transaction, long instanceId, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken)
    {
        _ = transaction; // the statements run on the connection, in the transaction it has open
        using var upsertSession = new SqliteStatement(connection, UpsertSession);
        using var findSession = new SqliteStatement(connection, FindSession);
        using var upsertSample = new SqliteStatement(connection, UpsertSample);
        upsertSession.Bind(1, instanceId);
        findSession.Bind(1, instanceId);

        long sessionsWritten = 0, sessionsUnchanged = 0, samplesWritten = 0, samplesUnchanged = 0;
        await foreach (var participant in participants.WithCancellation(cancellationToken))
        {
            ArgumentNullException.ThrowIfNull(participant, nameof(participants));
            var userId = StorageKeys.UserId(participant);
            upsertSession.Bind(2, userId);
            upsertSession.Bind(3, participant.ParticipantUuid);
            upsertSession.Bind(4, StorageKeys.JoinMs(participant));
            upsertSession.Bind(5, ParticipantJson.SessionJson(participant));
            long sessionId;
            if (upsertSession.Step())
            {
                sessionsWritten++;
                sessionId = upsertSession.Int64(0);
                upsertSession.Reset();
            }
            else
            {
                sessionsUnchanged++;
                upsertSession.Reset();
                findSession.Bind(2, userId);
                sessionId = findSession.Step() ? findSession.Int64(0) : throw new InvalidOperationException($"Session {userId} was neither written nor found.");
                findSession.Reset();
            }

            upsertSample.Bind(1, sessionId);
            foreach (var sample in participant.UserQos ?? [])
            {
                ArgumentNullException.ThrowIfNull(sample, nameof(participants));
                upsertSample.Bind(2, StorageKeys.Minute(sample.DateTime));
                upsertSample.Bind(3, ParticipantJson.SampleJson(sample));
                upsertSample.Run();
                if (upsertSample.Changes > 0)
                {
                    samplesWritten++;
                }
                else
                {
                    samplesUnchanged++;
                }
            }
        }

        return new MergeResult(sessionsWritten, sessionsUnchanged, samplesWritten, samplesUnchanged);
    }
}
