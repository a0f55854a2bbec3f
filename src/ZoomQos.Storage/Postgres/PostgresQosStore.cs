using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Storage.Postgres;

/// <summary>
/// <see cref="IQosStore"/> on PostgreSQL (Npgsql): the same behaviour as SQLite, for archives too large for one
/// file and for several server nodes sharing one database. Merges stream the sessions and samples into a
/// temporary table with binary COPY and upsert from it in the same transaction; pages are keyset reads on
/// (instance, join time, user id) whose cost does not grow with depth; the schema is versioned and migrated
/// on start under an advisory lock.
/// </summary>
public sealed class PostgresQosStore : IQosStore
{
    private const int MergeBatch = 500;

    /// <summary>Connections a store opens at most unless its connection string says (<c>Maximum Pool Size</c>): 4 per processor, at least 16.</summary>
    internal static readonly int DefaultMaxPoolSize = Math.Max(16, 4 * Environment.ProcessorCount);
    private const string InstanceColumns = "uuid, webinar_id, account_id, topic, host_name, host_email, start_ms, end_ms, data_withheld";

    private static readonly ClientSecretHash DecoyHash = ClientSecretHash.Create("decoy", ClientSecretHash.DefaultIterations);

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Opens (on first use) the database of an Npgsql connection string.</summary>
    /// <param name="connectionString">For example <c>Host=db;Database=zoomqos;Username=zoomqos;Password=…</c>.</param>
    public PostgresQosStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Not echoed: the string may hold a password.
            throw new ArgumentException("The PostgreSQL connection string is not valid: " + ex.Message.Split('\'')[0].Trim(), nameof(connectionString), ex);
        }

        Database = builder.Database ?? builder.Username ?? "postgres";
        if (!connectionString.Contains("Write Buffer Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.WriteBufferSize = 64 * 1024; // COPY streams megabytes: fewer, larger writes
        }

        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            // Each request holds a connection for milliseconds, so a burst queues for a few rather than opening one
            // each: unbounded (Npgsql's 100), 16 concurrent requests on a fresh server opened 16, a node could take
            // all of PostgreSQL's default 100 by itself, and past max_connections requests failed with 53300 (500s).
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The database name (for messages; the connection string is never shown).</summary>
    public string Database { get; }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await PostgresSchema.MigrateAsync(connection, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task UpsertAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            """
            INSERT INTO accounts (id, plan, dashboard, privacy_blanking) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, dashboard = excluded.dashboard, privacy_blanking = excluded.privacy_blanking
            """,
            account.Id,
            account.Plan.ToString(),
            account.DashboardEnabled,
            account.PrivacyBlanking);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT id, plan, dashboard, privacy_blanking FROM accounts WHERE id = $1", accountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Account(reader.GetString(0), Enum.Parse<AccountPlan>(reader.GetString(1)), reader.GetBoolean(2), reader.GetBoolean(3))
            : null;
    }

    /// <inheritdoc/>
    public async Task UpsertAppAsync(ApiApp app, string clientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var hash = ClientSecretHash.Create(clientSecret);
        await using var connection = await OpenAsync(cancellationToken);
        await RequireAccountAsync(connection, null, app.AccountId, cancellationToken);
        await using var command = Command(
            connection,
            """
            INSERT INTO apps (client_id, account_id, secret_salt, secret_hash, iterations, scopes) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (client_id) DO UPDATE SET account_id = excluded.account_id, secret_salt = excluded.secret_salt,
                secret_hash = excluded.secret_hash, iterations = excluded.iterations, scopes = excluded.scopes
            """,
            app.ClientId,
            app.AccountId,
            hash.Salt,
            hash.Hash,
            hash.Iterations,
            string.Join(' ', app.Scopes));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiApp?> AuthenticateAppAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT account_id, secret_salt, secret_hash, iterations, scopes FROM apps WHERE client_id = $1", clientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            _ = DecoyHash.Matches(clientSecret); // the same work as for a known client: existence does not show in the timing
            return null;
        }

        var stored = new ClientSecretHash(reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2), reader.GetInt32(3));
        return stored.Matches(clientSecret)
            ? new ApiApp(clientId, reader.GetString(0), reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    /// <inheritdoc/>
    public async Task UpsertInstanceAsync(WebinarInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrEmpty(instance.Uuid);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireAccountAsync(connection, transaction, instance.AccountId, cancellationToken);

        // Serialise writers of the same webinar: the ownership checks below then hold until commit.
        await using (var lockWebinar = Command(connection, "SELECT pg_advisory_xact_lock($1)", instance.WebinarId))
        {
            lockWebinar.Transaction = transaction;
            await lockWebinar.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var owner = Command(connection, "SELECT account_id FROM webinars WHERE webinar_id = $1 AND account_id <> $2", instance.WebinarId, instance.AccountId))
        {
            owner.Transaction = transaction;
            if (await owner.ExecuteScalarAsync(cancellationToken) is not null)
            {
                throw new QosStoreConflictException($"Webinar {instance.WebinarId} belongs to another account.");
            }
        }

        await using (var owner = Command(connection, "SELECT account_id, webinar_id FROM instances WHERE uuid = $1", instance.Uuid))
        {
            owner.Transaction = transaction;
            await using var reader = await owner.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && (reader.GetString(0) != instance.AccountId || reader.GetInt64(1) != instance.WebinarId))
            {
                throw new QosStoreConflictException($"Instance {instance.Uuid} belongs to another account or webinar.");
            }
        }

        await using (var webinar = Command(
            connection,
            """
            INSERT INTO webinars (account_id, webinar_id, topic, host_name, host_email) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (account_id, webinar_id) DO UPDATE SET topic = excluded.topic, host_name = excluded.host_name, host_email = excluded.host_email
            """,
            instance.AccountId,
            instance.WebinarId,
            instance.Topic,
            instance.HostName,
            instance.HostEmail))
        {
            webinar.Transaction = transaction;
            await webinar.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = Command(
            connection,
            """
            INSERT INTO instances (uuid, account_id, webinar_id, topic, host_name, host_email, start_ms, end_ms, data_withheld)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (uuid) DO UPDATE SET topic = excluded.topic, host_name = excluded.host_name, host_email = excluded.host_email,
                start_ms = excluded.start_ms, end_ms = excluded.end_ms, data_withheld = excluded.data_withheld
            """,
            instance.Uuid,
            instance.AccountId,
            instance.WebinarId,
            instance.Topic,
            instance.HostName,
            instance.HostEmail,
            StorageKeys.ToMs(instance.StartTime),
            instance.EndTime is { } end ? StorageKeys.ToMs(end) : null,
            instance.DataWithheld))
        {
            upsert.Transaction = transaction;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WebinarInstance?> ResolveInstanceAsync(string accountId, string webinarIdOrUuid, QosListType type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webinarIdOrUuid);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = StorageKeys.IsWebinarId(webinarIdOrUuid, out var webinarId)
            ? Command(
                connection,
                type == QosListType.Live
                    ? $"SELECT {InstanceColumns} FROM instances WHERE account_id = $1 AND webinar_id = $2 AND end_ms IS NULL ORDER BY start_ms DESC, uuid DESC LIMIT 1"
                    : $"SELECT {InstanceColumns} FROM instances WHERE account_id = $1 AND webinar_id = $2 AND end_ms IS NOT NULL ORDER BY end_ms DESC, uuid DESC LIMIT 1",
                accountId,
                webinarId)
            : Command(connection, $"SELECT {InstanceColumns} FROM instances WHERE account_id = $1 AND uuid = $2", accountId, webinarIdOrUuid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInstance(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<InstancePage> ListInstancesAsync(string accountId, QosListType type, DateTimeOffset startFrom, DateTimeOffset startTo, InstanceCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var where = type == QosListType.Live
            ? "account_id = $1 AND end_ms IS NULL"
            : "account_id = $1 AND end_ms IS NOT NULL AND start_ms >= $2 AND start_ms < $3";
        if (after is not null)
        {
            where += " AND (start_ms, uuid) > ($4, $5)";
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"SELECT {InstanceColumns} FROM instances WHERE {where} ORDER BY start_ms, uuid LIMIT $6",
            accountId,
            StorageKeys.ToMs(startFrom),
            StorageKeys.ToMs(startTo),
            after?.StartMs ?? 0L,
            after?.Uuid ?? string.Empty,
            limit + 1);
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

    /// <inheritdoc/>
    public Task<MergeResult> MergeParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken = default) =>
        MergeAsync(instanceUuid, participants, null, cancellationToken);

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
        await using var command = Command(
            connection,
            """
            SELECT c.next_page_token, c.sessions_fetched, c.total_records, c.complete, c.updated_ms
            FROM archive_checkpoints c JOIN instances i ON i.id = c.instance_id WHERE i.uuid = $1
            """,
            instanceUuid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ArchiveCheckpoint(
            instanceUuid,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            reader.GetBoolean(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    /// <inheritdoc/>
    public async Task<ParticipantPage> ReadParticipantsAsync(string instanceUuid, ParticipantCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);

        // One snapshot for the sessions and their samples.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var instanceId = await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken);
        if (instanceId is null)
        {
            return new ParticipantPage([], null);
        }

        await using var sessions = Command(
            connection,
            after is null
                ? "SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = $1 ORDER BY join_ms, user_id LIMIT $4"
                : "SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = $1 AND (join_ms, user_id) > ($2, $3) ORDER BY join_ms, user_id LIMIT $4",
            instanceId.Value,
            after?.JoinMs ?? 0L,
            after?.UserId ?? string.Empty,
            limit + 1);
        sessions.Transaction = transaction;
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

        var samples = await ReadSamplesAsync(connection, transaction, [.. rows.Select(r => r.Id)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var participants = rows.Select(r => new StoredParticipant(r.Cursor, r.Json, samples.GetValueOrDefault(r.Id) ?? [])).ToList();
        return new ParticipantPage(participants, more ? rows[^1].Cursor : null);
    }

    /// <inheritdoc/>
    public async Task<long> CountParticipantsAsync(string instanceUuid, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT COUNT(*) FROM sessions WHERE instance_id = (SELECT id FROM instances WHERE uuid = $1)", instanceUuid);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<StoredParticipant?> GetParticipantAsync(string instanceUuid, string participantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = Command(
            connection,
            """
            SELECT id, join_ms, user_id, json FROM sessions
            WHERE instance_id = (SELECT id FROM instances WHERE uuid = $1) AND (user_id = $2 OR participant_uuid = $2)
            ORDER BY join_ms, user_id LIMIT 1
            """,
            instanceUuid,
            participantId);
        command.Transaction = transaction;
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

        var samples = await ReadSamplesAsync(connection, transaction, [id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoredParticipant(cursor, json, samples.GetValueOrDefault(id) ?? []);
    }

    /// <inheritdoc/>
    public async Task<string> ComputeChecksumAsync(CancellationToken cancellationToken = default)
    {
        (string Table, string Columns, string Order)[] tables =
        [
            ("accounts", "id, plan, dashboard, privacy_blanking", "id"),
            ("apps", "client_id, account_id, secret_salt, secret_hash, iterations, scopes", "client_id"),
            ("webinars", "account_id, webinar_id, topic, host_name, host_email", "account_id, webinar_id"),
            ("instances", "id, uuid, account_id, webinar_id, topic, host_name, host_email, start_ms, end_ms, data_withheld", "uuid"),
            ("sessions", "id, instance_id, user_id, participant_uuid, join_ms, json", "instance_id, user_id"),
            ("samples", "session_id, minute, json", "session_id, minute"),
        ];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        foreach (var (table, columns, order) in tables)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes("\u001e" + table));
            await using var command = new NpgsqlCommand($"SELECT {columns} FROM {table} ORDER BY {order}", connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    hash.AppendData(value switch
                    {
                        byte[] bytes => bytes,
                        DBNull => "\u0000null"u8.ToArray(),
                        bool flag => flag ? "1"u8.ToArray() : "0"u8.ToArray(),
                        _ => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
                    });
                    hash.AppendData("\u001f"u8);
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>
    /// The samples of <paramref name="sessionIds"/> in minute order, an array each: copying them into pooled
    /// chunks with Npgsql's <c>GetBytes</c> made a page read slower (2.94 ms against 1.90 ms; decisions/0011).
    /// </summary>
    private static async Task<Dictionary<long, List<ReadOnlyMemory<byte>>>> ReadSamplesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] sessionIds, CancellationToken cancellationToken)
    {
        var bySession = new Dictionary<long, List<ReadOnlyMemory<byte>>>(sessionIds.Length);
        if (sessionIds.Length == 0)
        {
            return bySession;
        }

        await using var command = Command(connection, "SELECT session_id, json FROM samples WHERE session_id = ANY($1) ORDER BY session_id, minute", sessionIds);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<ReadOnlyMemory<byte>>? current = null;
        var currentId = long.MinValue;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (current is null || id != currentId)
            {
                currentId = id;
                current = new List<ReadOnlyMemory<byte>>(90);
                bySession[id] = current;
            }

            current.Add(reader.GetFieldValue<byte[]>(1));
        }

        return bySession;
    }

    private static async Task<long?> InstanceIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string instanceUuid, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT id FROM instances WHERE uuid = $1", instanceUuid);
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static async Task RequireAccountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT 1 FROM accounts WHERE id = $1", accountId);
        command.Transaction = transaction;
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new QosStoreNotFoundException($"Account '{accountId}' does not exist; create it first.");
        }
    }

    private static WebinarInstance ReadInstance(NpgsqlDataReader reader) => new(
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
    };

    private async Task<MergeResult> MergeAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, ArchiveCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participants);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var instanceId = await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken)
            ?? throw new QosStoreNotFoundException($"Instance {instanceUuid} does not exist; create it before merging participants.");

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

        // The input is taken in batches of sessions (memory stays bounded whatever its size); each batch's
        // sessions are upserted from a COPY-filled stage, then the samples of sessions this merge created go
        // straight into the table by COPY (they cannot conflict), and those of existing sessions through the
        // stage and an upsert. If the input fails midway, the transaction is rolled back: nothing is kept.
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

        if (checkpoint is not null)
        {
            await using var save = Command(
                connection,
                """
                INSERT INTO archive_checkpoints (instance_id, next_page_token, sessions_fetched, total_records, complete, updated_ms)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (instance_id) DO UPDATE SET next_page_token = excluded.next_page_token, sessions_fetched = excluded.sessions_fetched,
                    total_records = excluded.total_records, complete = excluded.complete, updated_ms = excluded.updated_ms
                """,
                instanceId,
                checkpoint.NextPageToken,
                checkpoint.SessionsFetched,
                checkpoint.TotalRecords,
                checkpoint.Complete,
                checkpoint.UpdatedAt.ToUnixTimeMilliseconds());
            save.Transaction = transaction;
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new QosStoreException($"Cannot open the PostgreSQL store (database '{Database}'): {ex.Message}", ex);
        }
    }
}
