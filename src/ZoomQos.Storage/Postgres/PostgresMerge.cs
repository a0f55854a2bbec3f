using Npgsql;
using NpgsqlTypes;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Storage.Postgres;

/// <summary>
/// PostgreSQL's merge, in the caller's write transaction: the input in batches of sessions (memory stays bounded
/// whatever its size); each batch's sessions upserted from a COPY-filled stage, then the samples of sessions this
/// merge created straight into the table by binary COPY (they cannot conflict), and those of existing sessions
/// through the stage and an upsert.
/// </summary>
internal static class PostgresMerge
{
    private const int MergeBatch = 500;

    public static async Task<MergeResult> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long instanceId, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken)
    {
        await using (var stage = new NpgsqlCommand(
            """
            CREATE TEMP TABLE IF NOT EXISTS zq_stage (
                seq bigint NOT NULL, kind smallint NOT NULL, user_id text COLLATE "C" NOT NULL, participant_uuid text,
                join_ms bigint, minute text COLLATE "C", json bytea NOT NULL
            ) ON COMMIT DELETE ROWS
            """,
            connection,
            transaction))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        var totals = new long[4];
        var batch = new List<ParticipantQos>(MergeBatch);
        await foreach (var participant in participants.WithCancellation(cancellationToken))
        {
            ArgumentNullException.ThrowIfNull(participant, nameof(participants));
            batch.Add(participant);
            if (batch.Count == MergeBatch)
            {
                await MergeBatchAsync(connection, transaction, instanceId, batch, totals, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await MergeBatchAsync(connection, transaction, instanceId, batch, totals, cancellationToken);
        }

        return new MergeResult(totals[0], totals[1], totals[2], totals[3]);
    }

    private static async Task MergeBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long instanceId, List<ParticipantQos> batch, long[] totals, CancellationToken cancellationToken)
    {
        // A session or a minute given twice in one batch: the last one wins, as a row-by-row merge has it.
        var keys = batch.Select(StorageKeys.UserId).ToList();
        var repeats = keys.Distinct(StringComparer.Ordinal).Count() != keys.Count
            || batch.Any(p => (p.UserQos ?? []).Select(s => StorageKeys.Minute(s.DateTime)).Distinct(StringComparer.Ordinal).Count() != (p.UserQos?.Count ?? 0));

        await using (var truncate = new NpgsqlCommand("TRUNCATE zq_stage", connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY zq_stage (seq, kind, user_id, participant_uuid, join_ms, minute, json) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var participant = batch[i];
                copy.StartRow();
                copy.Write((long)i, NpgsqlDbType.Bigint);
                copy.Write((short)0, NpgsqlDbType.Smallint);
                copy.Write(keys[i], NpgsqlDbType.Text);
                if (participant.ParticipantUuid is { } uuid)
                {
                    copy.Write(uuid, NpgsqlDbType.Text);
                }
                else
                {
                    copy.WriteNull();
                }

                copy.Write(StorageKeys.JoinMs(participant), NpgsqlDbType.Bigint);
                copy.WriteNull();
                copy.Write(ParticipantJson.SessionJson(participant), NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // Upsert the sessions; RETURNING names those written, and xmax = 0 those inserted (new in this merge).
        var created = new HashSet<string>(StringComparer.Ordinal);
        long written = 0;
        await using (var upsert = Command(
            connection,
            $"""
            INSERT INTO sessions (instance_id, user_id, participant_uuid, join_ms, json)
            SELECT $1, user_id, participant_uuid, join_ms, json FROM ({(repeats
                ? "SELECT DISTINCT ON (user_id) user_id, participant_uuid, join_ms, json FROM zq_stage WHERE kind = 0 ORDER BY user_id, seq DESC"
                : "SELECT user_id, participant_uuid, join_ms, json FROM zq_stage WHERE kind = 0")}) s
            ON CONFLICT (instance_id, user_id) DO UPDATE SET participant_uuid = excluded.participant_uuid, join_ms = excluded.join_ms, json = excluded.json
            WHERE sessions.json IS DISTINCT FROM excluded.json
            RETURNING user_id, xmax = 0
            """,
            instanceId))
        {
            upsert.Transaction = transaction;
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                written++;
                if (reader.GetBoolean(1))
                {
                    created.Add(reader.GetString(0));
                }
            }
        }

        var distinct = repeats ? keys.Distinct(StringComparer.Ordinal).Count() : keys.Count;
        totals[0] += written;
        totals[1] += distinct - written;

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var find = Command(connection, "SELECT user_id, id FROM sessions WHERE instance_id = $1 AND user_id = ANY($2)", instanceId, keys.Distinct(StringComparer.Ordinal).ToArray()))
        {
            find.Transaction = transaction;
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // Samples of sessions created by this merge cannot conflict: straight into the table.
        long direct = 0, staged = 0;
        if (!repeats && created.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY samples (session_id, minute, json) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                if (!created.Contains(keys[i]))
                {
                    continue;
                }

                var id = ids[keys[i]];
                foreach (var sample in batch[i].UserQos ?? [])
                {
                    ArgumentNullException.ThrowIfNull(sample, "participants");
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Bigint);
                    copy.Write(StorageKeys.Minute(sample.DateTime), NpgsqlDbType.Text);
                    copy.Write(ParticipantJson.SampleJson(sample), NpgsqlDbType.Bytea);
                    direct++;
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // The others: through the stage, upserted.
        await using (var copy = await connection.BeginBinaryImportAsync("COPY zq_stage (seq, kind, user_id, participant_uuid, join_ms, minute, json) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            long seq = batch.Count;
            for (var i = 0; i < batch.Count; i++)
            {
                if (!repeats && created.Contains(keys[i]))
                {
                    continue;
                }

                foreach (var sample in batch[i].UserQos ?? [])
                {
                    ArgumentNullException.ThrowIfNull(sample, "participants");
                    copy.StartRow();
                    copy.Write(seq++, NpgsqlDbType.Bigint);
                    copy.Write((short)1, NpgsqlDbType.Smallint);
                    copy.Write(keys[i], NpgsqlDbType.Text);
                    copy.WriteNull();
                    copy.WriteNull();
                    copy.Write(StorageKeys.Minute(sample.DateTime), NpgsqlDbType.Text);
                    copy.Write(ParticipantJson.SampleJson(sample), NpgsqlDbType.Bytea);
                    staged++;
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long upserted = 0, distinctStaged = staged;
        if (staged > 0)
        {
            await using var upsert = Command(
                connection,
                $"""
                WITH st AS ({(repeats
                    ? "SELECT DISTINCT ON (user_id, minute) user_id, minute, json FROM zq_stage WHERE kind = 1 ORDER BY user_id, minute, seq DESC"
                    : "SELECT user_id, minute, json FROM zq_stage WHERE kind = 1")}), up AS (
                    INSERT INTO samples (session_id, minute, json)
                    SELECT se.id, st.minute, st.json FROM st JOIN sessions se ON se.instance_id = $1 AND se.user_id = st.user_id
                    ON CONFLICT (session_id, minute) DO UPDATE SET json = excluded.json WHERE samples.json IS DISTINCT FROM excluded.json
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM up), (SELECT count(*) FROM st)
                """,
                instanceId);
            upsert.Transaction = transaction;
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (upserted, distinctStaged) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        totals[2] += direct + upserted;
        totals[3] += distinctStaged - upserted;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
