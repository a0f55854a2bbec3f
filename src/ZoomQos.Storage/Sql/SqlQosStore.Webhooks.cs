using ZoomQos.Storage.Webhooks;

namespace ZoomQos.Storage.Sql;

/// <summary>QoS Subscription webhook events as received.</summary>
public abstract partial class SqlQosStore
{
    /// <inheritdoc/>
    public async Task<bool> SaveQssEventAsync(QssEvent qssEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(qssEvent);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using var insert = DbCommands.Create(
            connection,
            transaction,
            """
            INSERT INTO qss_events (digest, account_id, instance_uuid, event, event_ts, user_id, received_ms, body)
            VALUES (@digest, @account, @uuid, @event, @ts, @user, @received, @body)
            ON CONFLICT (digest) DO NOTHING
            """,
            ("digest", qssEvent.Digest),
            ("account", qssEvent.AccountId),
            ("uuid", qssEvent.InstanceUuid),
            ("event", qssEvent.Event),
            ("ts", qssEvent.EventTs),
            ("user", qssEvent.UserId),
            ("received", StorageKeys.ToMs(qssEvent.ReceivedAt)),
            ("body", qssEvent.Body.ToArray()));
        var added = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<QssEvent>> ReadQssEventsAsync(string accountId, string instanceUuid, string? eventName = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            $"SELECT digest, account_id, instance_uuid, event, event_ts, user_id, received_ms, body FROM qss_events WHERE account_id = @account AND instance_uuid = @uuid{(eventName is null ? string.Empty : " AND event = @event")} ORDER BY event_ts, digest",
            ("account", accountId),
            ("uuid", instanceUuid),
            ("event", eventName ?? string.Empty));
        var events = new List<QssEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new QssEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5), StorageKeys.FromMs(reader.GetInt64(6)), reader.GetFieldValue<byte[]>(7)));
        }

        return events;
    }
}
