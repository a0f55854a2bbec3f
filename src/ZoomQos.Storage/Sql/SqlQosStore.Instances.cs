using System.Data.Common;
using System.Globalization;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Storage.Sql;

/// <summary>Webinars and their instances.</summary>
public abstract partial class SqlQosStore
{
    private const string InstanceColumns = "uuid, webinar_id, account_id, topic, host_name, host_email, start_ms, end_ms, data_withheld, kind, list_fields";

    /// <inheritdoc/>
    public async Task UpsertInstanceAsync(WebinarInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrEmpty(instance.Uuid);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await RequireAccountAsync(connection, transaction, instance.AccountId, cancellationToken);

        // Writers of the same webinar or the same instance wait here: the ownership checks below then hold until commit.
        // Locking the webinar alone let two accounts claim one UUID under two webinar IDs at once, on PostgreSQL.
        await LockAsync(connection, transaction, ["webinar:" + instance.WebinarId.ToString(CultureInfo.InvariantCulture), "instance:" + instance.Uuid], cancellationToken);
        await using (var owner = DbCommands.Create(
            connection,
            transaction,
            "SELECT account_id FROM webinars WHERE webinar_id = @webinar AND account_id <> @account AND webinar_id <> 0",
            ("webinar", instance.WebinarId),
            ("account", instance.AccountId)))
        {
            if (await owner.ExecuteScalarAsync(cancellationToken) is not null)
            {
                throw new QosStoreConflictException($"Webinar {instance.WebinarId} belongs to another account.");
            }
        }

        await using (var owner = DbCommands.Create(connection, transaction, "SELECT account_id, webinar_id, kind FROM instances WHERE uuid = @uuid", ("uuid", instance.Uuid)))
        {
            await using var reader = await owner.ExecuteReaderAsync(cancellationToken);
            // An instance known only by its UUID (webinar ID unknown) takes its real ID once; no other ID ever changes.
            if (await reader.ReadAsync(cancellationToken) && (reader.GetString(0) != instance.AccountId || (reader.GetInt64(1) != instance.WebinarId && reader.GetInt64(1) != WebinarInstance.UnknownWebinarId)))
            {
                throw new QosStoreConflictException($"Instance {instance.Uuid} belongs to another account or webinar.");
            }
        }

        // One number space for webinars and meetings: an ID's instances are all of one kind.
        await using (var kind = DbCommands.Create(
            connection,
            transaction,
            "SELECT 1 FROM instances WHERE account_id = @account AND webinar_id = @webinar AND webinar_id <> 0 AND kind <> @kind AND uuid <> @uuid",
            ("account", instance.AccountId),
            ("webinar", instance.WebinarId),
            ("kind", (int)instance.Kind),
            ("uuid", instance.Uuid)))
        {
            if (await kind.ExecuteScalarAsync(cancellationToken) is not null)
            {
                throw new QosStoreConflictException($"ID {instance.WebinarId} is a {(instance.IsMeeting ? "webinar" : "meeting")}'s, not a {(instance.IsMeeting ? "meeting" : "webinar")}'s.");
            }
        }

        await using (var webinar = DbCommands.Create(
            connection,
            transaction,
            """
            INSERT INTO webinars (account_id, webinar_id, topic, host_name, host_email) VALUES (@account, @webinar, @topic, @host, @email)
            ON CONFLICT (account_id, webinar_id) DO UPDATE SET topic = excluded.topic, host_name = excluded.host_name, host_email = excluded.host_email
            """,
            ("account", instance.AccountId),
            ("webinar", instance.WebinarId),
            ("topic", instance.Topic),
            ("host", instance.HostName),
            ("email", instance.HostEmail)))
        {
            await webinar.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = DbCommands.Create(
            connection,
            transaction,
            """
            INSERT INTO instances (uuid, account_id, webinar_id, topic, host_name, host_email, start_ms, end_ms, data_withheld, kind, list_fields)
            VALUES (@uuid, @account, @webinar, @topic, @host, @email, @start, @end, @withheld, @kind, @list)
            ON CONFLICT (uuid) DO UPDATE SET webinar_id = excluded.webinar_id, topic = excluded.topic, host_name = excluded.host_name, host_email = excluded.host_email,
                start_ms = excluded.start_ms, end_ms = excluded.end_ms, data_withheld = excluded.data_withheld, kind = excluded.kind,
                list_fields = COALESCE(excluded.list_fields, instances.list_fields)
            """,
            ("uuid", instance.Uuid),
            ("account", instance.AccountId),
            ("webinar", instance.WebinarId),
            ("topic", instance.Topic),
            ("host", instance.HostName),
            ("email", instance.HostEmail),
            ("start", StorageKeys.ToMs(instance.StartTime)),
            ("end", instance.EndTime is { } end ? StorageKeys.ToMs(end) : null),
            ("withheld", instance.DataWithheld),
            ("kind", (int)instance.Kind),
            ("list", instance.ListFields)))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WebinarInstance?> ResolveInstanceAsync(string accountId, string webinarIdOrUuid, QosListType type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webinarIdOrUuid);
        using var activity = StoreActivities.Start("ResolveInstanceAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = StorageKeys.IsWebinarId(webinarIdOrUuid, out var webinarId)
            ? DbCommands.Create(
                connection,
                null,
                type == QosListType.Live
                    ? $"SELECT {InstanceColumns} FROM instances WHERE account_id = @account AND webinar_id = @webinar AND end_ms IS NULL ORDER BY start_ms DESC, uuid DESC LIMIT 1"
                    : $"SELECT {InstanceColumns} FROM instances WHERE account_id = @account AND webinar_id = @webinar AND end_ms IS NOT NULL ORDER BY end_ms DESC, uuid DESC LIMIT 1",
                ("account", accountId),
                ("webinar", webinarId))
            : DbCommands.Create(connection, null, $"SELECT {InstanceColumns} FROM instances WHERE account_id = @account AND uuid = @uuid", ("account", accountId), ("uuid", webinarIdOrUuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInstance(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<InstancePage> ListInstancesAsync(string accountId, QosListType type, DateTimeOffset startFrom, DateTimeOffset startTo, InstanceCursor? after, int limit, QosEventKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        List<(string, object?)> parameters = [("account", accountId), ("limit", limit + 1)];
        var where = "account_id = @account AND end_ms IS NULL";
        if (type == QosListType.Past)
        {
            where = "account_id = @account AND end_ms IS NOT NULL AND start_ms >= @from AND start_ms < @to";
            parameters.AddRange([("from", StorageKeys.ToMs(startFrom)), ("to", StorageKeys.ToMs(startTo))]);
        }

        if (kind is { } only)
        {
            where += " AND kind = @kind";
            parameters.Add(("kind", (int)only));
        }

        if (after is not null)
        {
            where += " AND (start_ms, uuid) > (@after_start, @after_uuid)";
            parameters.AddRange([("after_start", after.StartMs), ("after_uuid", after.Uuid)]);
        }

        using var activity = StoreActivities.Start("ListInstancesAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, $"SELECT {InstanceColumns} FROM instances WHERE {where} ORDER BY start_ms, uuid LIMIT @limit", [.. parameters]);
        var instances = new List<WebinarInstance>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            instances.Add(ReadInstance(reader));
        }

        if (instances.Count <= limit)
        {
            return new InstancePage(instances, null);
        }

        instances.RemoveAt(limit);
        var last = instances[^1];
        return new InstancePage(instances, new InstanceCursor(StorageKeys.ToMs(last.StartTime), last.Uuid));
    }

    /// <summary>The row id of an instance, in the caller's transaction.</summary>
    private static async Task<long?> InstanceIdAsync(DbConnection connection, DbTransaction transaction, string instanceUuid, CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction, "SELECT id FROM instances WHERE uuid = @uuid", ("uuid", instanceUuid));
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static WebinarInstance ReadInstance(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        StorageKeys.FromMs(reader.GetInt64(6)),
        reader.IsDBNull(7) ? null : StorageKeys.FromMs(reader.GetInt64(7)))
    {
        DataWithheld = reader.GetBoolean(8),
        Kind = (QosEventKind)reader.GetInt32(9),
        ListFields = reader.IsDBNull(10) ? null : reader.GetString(10),
    };
}
