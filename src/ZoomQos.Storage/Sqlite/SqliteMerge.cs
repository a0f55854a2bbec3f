using Microsoft.Data.Sqlite;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Storage.Sqlite;

/// <summary>
/// SQLite's merge: a prepared upsert per session and per sample, in the caller's write transaction. A row whose JSON
/// is unchanged is not written (<c>WHERE … IS NOT excluded.json</c>), so merging the same data again writes nothing.
/// </summary>
internal static class SqliteMerge
{
    public static async Task<MergeResult> RunAsync(SqliteConnection connection, SqliteTransaction transaction, long instanceId, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken)
    {
        await using var upsertSession = Command(
            connection,
            transaction,
            """
            INSERT INTO sessions (instance_id, user_id, participant_uuid, join_ms, json) VALUES ($instance, $user, $uuid, $join, $json)
            ON CONFLICT (instance_id, user_id) DO UPDATE SET participant_uuid = excluded.participant_uuid, join_ms = excluded.join_ms, json = excluded.json
            WHERE sessions.json IS NOT excluded.json
            RETURNING id
            """,
            ("$instance", instanceId),
            ("$user", string.Empty),
            ("$uuid", null),
            ("$join", 0L),
            ("$json", Array.Empty<byte>()));
        await using var findSession = Command(connection, transaction, "SELECT id FROM sessions WHERE instance_id = $instance AND user_id = $user", ("$instance", instanceId), ("$user", string.Empty));
        await using var upsertSample = Command(
            connection,
            transaction,
            """
            INSERT INTO samples (session_id, minute, json) VALUES ($session, $minute, $json)
            ON CONFLICT (session_id, minute) DO UPDATE SET json = excluded.json WHERE samples.json IS NOT excluded.json
            """,
            ("$session", 0L),
            ("$minute", string.Empty),
            ("$json", Array.Empty<byte>()));

        long sessionsWritten = 0, sessionsUnchanged = 0, samplesWritten = 0, samplesUnchanged = 0;
        await foreach (var participant in participants.WithCancellation(cancellationToken))
        {
            ArgumentNullException.ThrowIfNull(participant, nameof(participants));
            var userId = StorageKeys.UserId(participant);
            upsertSession.Parameters["$user"].Value = userId;
            upsertSession.Parameters["$uuid"].Value = (object?)participant.ParticipantUuid ?? DBNull.Value;
            upsertSession.Parameters["$join"].Value = StorageKeys.JoinMs(participant);
            upsertSession.Parameters["$json"].Value = ParticipantJson.SessionJson(participant);
            var sessionId = await upsertSession.ExecuteScalarAsync(cancellationToken);
            if (sessionId is null)
            {
                sessionsUnchanged++;
                findSession.Parameters["$user"].Value = userId;
                sessionId = await findSession.ExecuteScalarAsync(cancellationToken);
            }
            else
            {
                sessionsWritten++;
            }

            upsertSample.Parameters["$session"].Value = sessionId;
            foreach (var sample in participant.UserQos ?? [])
            {
                ArgumentNullException.ThrowIfNull(sample, nameof(participants));
                upsertSample.Parameters["$minute"].Value = StorageKeys.Minute(sample.DateTime);
                upsertSample.Parameters["$json"].Value = ParticipantJson.SampleJson(sample);
                if (await upsertSample.ExecuteNonQueryAsync(cancellationToken) > 0)
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

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.Prepare();
        return command;
    }
}
