using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Storage.Sql;

/// <summary>Participant sessions and their samples: merges, archive checkpoints, keyset pages, the checksum.</summary>
public abstract partial class SqlQosStore
{
    // The digest's rows, keyed by what identifies them in any store (a row id differs between stores: PostgreSQL's
    // identities skip the values that a conflicting insert used).
    private static readonly (string Table, string Select)[] ChecksumRows =
    [
        ("accounts", "SELECT id, plan, dashboard, privacy_blanking, qss_subscription, master_account_id FROM accounts ORDER BY id"),
        ("apps", "SELECT client_id, account_id, secret_salt, secret_hash, iterations, scopes FROM apps ORDER BY client_id"),
        ("dashboard_users", "SELECT email, account_id, password_hash, created_ms FROM dashboard_users ORDER BY email"),
        ("webinars", "SELECT account_id, webinar_id, topic, host_name, host_email FROM webinars ORDER BY account_id, webinar_id"),
        ("instances", $"SELECT {InstanceColumns} FROM instances ORDER BY uuid"),
        ("sessions", "SELECT i.uuid, s.user_id, s.participant_uuid, s.join_ms, s.json FROM sessions s JOIN instances i ON i.id = s.instance_id ORDER BY i.uuid, s.user_id"),
        ("samples", "SELECT i.uuid, s.user_id, m.minute, m.json FROM samples m JOIN sessions s ON s.id = m.session_id JOIN instances i ON i.id = s.instance_id ORDER BY i.uuid, s.user_id, m.minute"),
        ("instance_summaries", "SELECT i.uuid, m.json FROM instance_summaries m JOIN instances i ON i.id = m.instance_id ORDER BY i.uuid"), // derived: when is not content
        ("qss_events", "SELECT digest, account_id, instance_uuid, event, event_ts, user_id, body FROM qss_events ORDER BY digest"),
        ("session_outcomes", "SELECT i.uuid, o.user_id, o.person_key, o.name, o.email, o.verdict, o.mos_p10, o.cause_kind, o.cause FROM session_outcomes o JOIN instances i ON i.id = o.instance_id ORDER BY i.uuid, o.user_id"),
    ];

    /// <inheritdoc/>
    public Task<MergeResult> MergeParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken = default) =>
        MergeAsync(instanceUuid, participants, null, cancellationToken);

    /// <inheritdoc/>
    public Task<MergeResult> ReplaceParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken = default) =>
        MergeAsync(instanceUuid, participants, null, cancellationToken, replace: true);

    /// <inheritdoc/>
    public Task<MergeResult> MergeParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, ArchiveCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!string.Equals(checkpoint.InstanceUuid, instanceUuid, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The checkpoint is for instance {checkpoint.InstanceUuid}, not {instanceUuid}.", nameof(checkpoint));
        }

        return MergeAsync(instanceUuid, participants, checkpoint, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ArchiveCheckpoint?> GetCheckpointAsync(string instanceUuid, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            """
            SELECT c.next_page_token, c.sessions_fetched, c.total_records, c.complete, c.updated_ms
            FROM archive_checkpoints c JOIN instances i ON i.id = c.instance_id WHERE i.uuid = @uuid
            """,
            ("uuid", instanceUuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ArchiveCheckpoint(
                instanceUuid,
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetBoolean(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))
            : null;
    }

    /// <inheritdoc/>
    public async Task<ParticipantPage> ReadParticipantsAsync(string instanceUuid, ParticipantCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var activity = StoreActivities.Start("ReadParticipantsAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);

        // One read transaction: the sessions and their samples come from the same snapshot.
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        if (await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken) is not { } instanceId)
        {
            return new ParticipantPage([], null);
        }

        await using var sessions = after is null
            ? DbCommands.Create(
                connection,
                transaction,
                "SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = @instance ORDER BY join_ms, user_id LIMIT @limit",
                ("instance", instanceId),
                ("limit", limit + 1))
            : DbCommands.Create(
                connection,
                transaction,
                "SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = @instance AND (join_ms, user_id) > (@join, @user) ORDER BY join_ms, user_id LIMIT @limit",
                ("instance", instanceId),
                ("join", after.JoinMs),
                ("user", after.UserId),
                ("limit", limit + 1));
        var rows = new List<(long Id, ParticipantCursor Cursor, byte[] Json)>(limit + 1);
        await using (var reader = await sessions.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), new ParticipantCursor(reader.GetInt64(1), reader.GetString(2)), reader.GetFieldValue<byte[]>(3)));
            }
        }

        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(limit);
        }

        var arena = new SampleArena();
        try
        {
            var samples = await ReadSamplesAsync(connection, transaction, [.. rows.Select(r => r.Id)], arena, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var participants = rows.Select(r => new StoredParticipant(r.Cursor, r.Json, samples.GetValueOrDefault(r.Id) ?? [])).ToList();
            return new ParticipantPage(participants, more ? rows[^1].Cursor : null) { Buffers = arena };
        }
        catch
        {
            arena.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<long> CountParticipantsAsync(string instanceUuid, CancellationToken cancellationToken = default) =>
        (await ReadPageStateAsync(instanceUuid, cancellationToken)).Participants;

    /// <inheritdoc/>
    public async Task<InstancePageState> ReadPageStateAsync(string instanceUuid, CancellationToken cancellationToken = default)
    {
        using var activity = StoreActivities.Start("ReadPageStateAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            "SELECT (SELECT COUNT(*) FROM sessions s WHERE s.instance_id = i.id), i.revision FROM instances i WHERE i.uuid = @uuid",
            ("uuid", instanceUuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new InstancePageState(reader.GetInt64(0), reader.GetInt64(1)) : new InstancePageState(0, 0);
    }

    /// <inheritdoc/>
    public async Task<StoredParticipant?> GetParticipantAsync(string instanceUuid, string participantId, CancellationToken cancellationToken = default)
    {
        using var activity = StoreActivities.Start("GetParticipantAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            transaction,
            """
            SELECT id, join_ms, user_id, json FROM sessions
            WHERE instance_id = (SELECT id FROM instances WHERE uuid = @uuid) AND (user_id = @participant OR participant_uuid = @participant)
            ORDER BY join_ms, user_id LIMIT 1
            """,
            ("uuid", instanceUuid),
            ("participant", participantId));
        long id;
        ParticipantCursor cursor;
        byte[] json;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (id, cursor, json) = (reader.GetInt64(0), new ParticipantCursor(reader.GetInt64(1), reader.GetString(2)), reader.GetFieldValue<byte[]>(3));
        }

        var samples = await ReadSamplesAsync(connection, transaction, [id], null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoredParticipant(cursor, json, samples.GetValueOrDefault(id) ?? []);
    }

    /// <inheritdoc/>
    /// <remarks>The same contents give the same digest in SQLite and in PostgreSQL.</remarks>
    public async Task<string> ComputeChecksumAsync(CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        foreach (var (table, select) in ChecksumRows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\u001e" + table));
            await using var command = DbCommands.Create(connection, transaction, select);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(reader.GetValue(i) switch
                    {
                        byte[] bytes => bytes,
                        DBNull => "\u0000null"u8.ToArray(),
                        bool flag => flag ? "1"u8.ToArray() : "0"u8.ToArray(), // SQLite keeps booleans as 1 and 0
                        var value => Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
                    });
                    hash.AppendData("\u001f"u8);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>What <see cref="ReplaceParticipantsAsync"/> removes of the instance before it merges: its sessions and all that derives from them.</summary>
    private static readonly string[] ReplaceClears =
    [
        "DELETE FROM samples WHERE session_id IN (SELECT id FROM sessions WHERE instance_id = @id)",
        "DELETE FROM sessions WHERE instance_id = @id",
        "DELETE FROM archive_checkpoints WHERE instance_id = @id",
        "DELETE FROM instance_summaries WHERE instance_id = @id",
        "DELETE FROM session_outcomes WHERE instance_id = @id",
    ];

    /// <summary>
    /// Merges the sessions and their samples into the instance, in the caller's write transaction: new rows added,
    /// changed ones replaced, identical ones left alone; a session or minute given twice, the last one wins.
    /// </summary>
    private protected abstract Task<MergeResult> MergeSessionsAsync(DbConnection connection, DbTransaction transaction, long instanceId, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken);

    /// <summary>The samples of the sessions, each in minute order, read in the caller's transaction (into <paramref name="arena"/> where the provider can).</summary>
    private protected abstract Task<Dictionary<long, List<ReadOnlyMemory<byte>>>> ReadSamplesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> sessionIds, SampleArena? arena, CancellationToken cancellationToken);

    private async Task<MergeResult> MergeAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, ArchiveCheckpoint? checkpoint, CancellationToken cancellationToken, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(participants);
        using var activity = StoreActivities.Start("MergeParticipantsAsync", Kind);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var instanceId = await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken)
            ?? throw new QosStoreNotFoundException($"Instance {instanceUuid} does not exist; create it before merging participants.");

        if (replace)
        {
            foreach (var clear in ReplaceClears)
            {
                await using var command = DbCommands.Create(connection, transaction, clear, ("id", instanceId));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // If the input fails midway, the transaction is rolled back: nothing of it is kept.
        var result = await MergeSessionsAsync(connection, transaction, instanceId, participants, cancellationToken);
        if (checkpoint is not null)
        {
            await using var save = DbCommands.Create(
                connection,
                transaction,
                """
                INSERT INTO archive_checkpoints (instance_id, next_page_token, sessions_fetched, total_records, complete, updated_ms)
                VALUES (@instance, @token, @fetched, @total, @complete, @updated)
                ON CONFLICT (instance_id) DO UPDATE SET next_page_token = excluded.next_page_token, sessions_fetched = excluded.sessions_fetched,
                    total_records = excluded.total_records, complete = excluded.complete, updated_ms = excluded.updated_ms
                """,
                ("instance", instanceId),
                ("token", checkpoint.NextPageToken),
                ("fetched", checkpoint.SessionsFetched),
                ("total", checkpoint.TotalRecords),
                ("complete", checkpoint.Complete),
                ("updated", checkpoint.UpdatedAt.ToUnixTimeMilliseconds()));
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var revise = DbCommands.Create(connection, transaction, "UPDATE instances SET revision = revision + 1 WHERE id = @id", ("id", instanceId)))
        {
            await revise.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
