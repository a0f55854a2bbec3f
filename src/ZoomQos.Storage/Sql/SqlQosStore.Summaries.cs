using System.Data.Common;
using ZoomQos.Storage.Summaries;

namespace ZoomQos.Storage.Sql;

/// <summary>Each ended instance's analysis summary and its sessions' results, for trends and the dashboard.</summary>
public abstract partial class SqlQosStore
{
    // ReadInstance reads the first InstanceColumnCount columns; what a query selects after them starts there.
    private const int InstanceColumnCount = 11;
    private const string PrefixedInstanceColumns = "i.uuid, i.webinar_id, i.account_id, i.topic, i.host_name, i.host_email, i.start_ms, i.end_ms, i.data_withheld, i.kind, i.list_fields";

    /// <inheritdoc/>
    public async Task SaveSummaryAsync(string instanceUuid, ReadOnlyMemory<byte> json, IReadOnlyList<SessionOutcome> sessions, DateTimeOffset computedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceUuid);
        ArgumentNullException.ThrowIfNull(sessions);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockAsync(connection, transaction, ["instance:" + instanceUuid], cancellationToken);
        var id = await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken)
            ?? throw new QosStoreNotFoundException($"Instance {instanceUuid} does not exist.");
        await using (var clear = DbCommands.Create(connection, transaction, "DELETE FROM session_outcomes WHERE instance_id = @id", ("id", id)))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var summary = DbCommands.Create(
            connection,
            transaction,
            """
            INSERT INTO instance_summaries (instance_id, computed_ms, json) VALUES (@id, @at, @json)
            ON CONFLICT (instance_id) DO UPDATE SET computed_ms = excluded.computed_ms, json = excluded.json
            """,
            ("id", id),
            ("at", StorageKeys.ToMs(computedAt)),
            ("json", json.ToArray())))
        {
            await summary.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = DbCommands.Create(
            connection,
            transaction,
            """
            INSERT INTO session_outcomes (instance_id, user_id, person_key, name, email, verdict, mos_p10, cause_kind, cause)
            VALUES (@id, @user, @person, @name, @email, @verdict, @mos, @kind, @cause)
            ON CONFLICT (instance_id, user_id) DO UPDATE SET person_key = excluded.person_key, name = excluded.name, email = excluded.email,
                verdict = excluded.verdict, mos_p10 = excluded.mos_p10, cause_kind = excluded.cause_kind, cause = excluded.cause
            """,
            ("id", id),
            ("user", string.Empty),
            ("person", string.Empty),
            ("name", string.Empty),
            ("email", string.Empty),
            ("verdict", string.Empty),
            ("mos", null),
            ("kind", null),
            ("cause", null));
        foreach (var session in sessions)
        {
            object?[] values = [id, session.UserId, session.Person, session.Name, session.Email, session.Verdict, session.MosP10, session.CauseKind, session.Cause];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StoredSummary?> GetSummaryAsync(string accountId, string instanceUuid, CancellationToken cancellationToken = default)
    {
        var found = await ReadSummariesAsync("i.account_id = @account AND i.uuid = @uuid", [("account", accountId), ("uuid", instanceUuid)], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredSummary>> ListSummariesAsync(string accountId, DateTimeOffset startFrom, DateTimeOffset startTo, long? webinarId = null, CancellationToken cancellationToken = default)
    {
        List<(string, object?)> parameters = [("account", accountId), ("from", StorageKeys.ToMs(startFrom)), ("to", StorageKeys.ToMs(startTo))];
        var where = "i.account_id = @account AND i.start_ms >= @from AND i.start_ms < @to";
        if (webinarId is { } id)
        {
            where += " AND i.webinar_id = @webinar";
            parameters.Add(("webinar", id));
        }

        return ReadSummariesAsync(where, parameters, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SessionOutcomeHit>> FindSessionOutcomesAsync(string accountId, string person, DateTimeOffset startFrom, DateTimeOffset startTo, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            $"""
            SELECT {PrefixedInstanceColumns}, o.user_id, o.person_key, o.name, o.email, o.verdict, o.mos_p10, o.cause_kind, o.cause
            FROM session_outcomes o JOIN instances i ON i.id = o.instance_id
            WHERE o.person_key = @person AND i.account_id = @account AND i.start_ms >= @from AND i.start_ms < @to
            ORDER BY i.start_ms, i.uuid, o.user_id
            """,
            ("person", person),
            ("account", accountId),
            ("from", StorageKeys.ToMs(startFrom)),
            ("to", StorageKeys.ToMs(startTo)));
        var hits = new List<SessionOutcomeHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SessionOutcomeHit(ReadInstance(reader), ReadOutcome(reader, InstanceColumnCount)));
        }

        return hits;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SessionOutcome>> ReadSessionOutcomesAsync(string instanceUuid, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            "SELECT o.user_id, o.person_key, o.name, o.email, o.verdict, o.mos_p10, o.cause_kind, o.cause FROM session_outcomes o JOIN instances i ON i.id = o.instance_id WHERE i.uuid = @uuid ORDER BY o.user_id",
            ("uuid", instanceUuid));
        var outcomes = new List<SessionOutcome>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes.Add(ReadOutcome(reader, 0));
        }

        return outcomes;
    }

    private static SessionOutcome ReadOutcome(DbDataReader reader, int at) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        reader.GetString(at + 2),
        reader.GetString(at + 3),
        reader.GetString(at + 4),
        reader.IsDBNull(at + 5) ? null : reader.GetDouble(at + 5),
        reader.IsDBNull(at + 6) ? null : reader.GetString(at + 6),
        reader.IsDBNull(at + 7) ? null : reader.GetString(at + 7));

    private async Task<IReadOnlyList<StoredSummary>> ReadSummariesAsync(string where, List<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            $"SELECT {PrefixedInstanceColumns}, m.json, m.computed_ms FROM instance_summaries m JOIN instances i ON i.id = m.instance_id WHERE {where} ORDER BY i.start_ms, i.uuid",
            [.. parameters]);
        var summaries = new List<StoredSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new StoredSummary(ReadInstance(reader), reader.GetFieldValue<byte[]>(InstanceColumnCount), StorageKeys.FromMs(reader.GetInt64(InstanceColumnCount + 1))));
        }

        return summaries;
    }
}
