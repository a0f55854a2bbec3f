using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Storage.Sqlite;

/// <summary>
/// The embedded default <see cref="IQosStore"/>: one SQLite file in WAL mode (readers never wait for the
/// writer), schema created and migrated on <see cref="InitializeAsync"/>, one transaction per merge.
/// </summary>
public sealed class SqliteQosStore : IQosStore
{
    private const string InstanceColumns = "uuid, webinar_id, account_id, topic, host_name, host_email, start_ms, end_ms, data_withheld";

    private static readonly ClientSecretHash DecoyHash = ClientSecretHash.Create("decoy", ClientSecretHash.DefaultIterations);

    // The physical connections (pooled) already configured by ConfigureOnce; the value only marks presence.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private static readonly object Done = new();

    private readonly string _connectionString;

    /// <summary>Opens (on first use) the SQLite file at <paramref name="path"/>, creating it if needed.</summary>
    /// <param name="path">The database file.</param>
    public SqliteQosStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30, // also the busy timeout: a reader or writer waits up to 30 s for a lock
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new QosStoreException($"Cannot create the folder for the SQLite store at '{Path}': {ex.Message}", ex);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteSchema.MigrateAsync(connection, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task UpsertAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var command = Command(
            connection,
            """
            INSERT INTO accounts (id, plan, dashboard, privacy_blanking) VALUES ($id, $plan, $dashboard, $privacy)
            ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, dashboard = excluded.dashboard, privacy_blanking = excluded.privacy_blanking
            """,
            ("$id", account.Id),
            ("$plan", account.Plan.ToString()),
            ("$dashboard", account.DashboardEnabled),
            ("$privacy", account.PrivacyBlanking));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT id, plan, dashboard, privacy_blanking FROM accounts WHERE id = $id", ("$id", accountId));
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
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await RequireAccountAsync(connection, null, app.AccountId, cancellationToken);
        await using var command = Command(
            connection,
            """
            INSERT INTO apps (client_id, account_id, secret_salt, secret_hash, iterations, scopes)
            VALUES ($client, $account, $salt, $hash, $iterations, $scopes)
            ON CONFLICT (client_id) DO UPDATE SET account_id = excluded.account_id, secret_salt = excluded.secret_salt,
                secret_hash = excluded.secret_hash, iterations = excluded.iterations, scopes = excluded.scopes
            """,
            ("$client", app.ClientId),
            ("$account", app.AccountId),
            ("$salt", hash.Salt),
            ("$hash", hash.Hash),
            ("$iterations", hash.Iterations),
            ("$scopes", string.Join(' ', app.Scopes)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiApp?> AuthenticateAppAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            "SELECT account_id, secret_salt, secret_hash, iterations, scopes FROM apps WHERE client_id = $client",
            ("$client", clientId));
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
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await RequireAccountAsync(connection, transaction, instance.AccountId, cancellationToken);

        await using (var owner = Command(connection, "SELECT account_id FROM webinars WHERE webinar_id = $webinar AND account_id <> $account", ("$webinar", instance.WebinarId), ("$account", instance.AccountId)))
        {
            owner.Transaction = transaction;
            if (await owner.ExecuteScalarAsync(cancellationToken) is not null)
            {
                throw new QosStoreConflictException($"Webinar {instance.WebinarId} belongs to another account.");
            }
        }

        await using (var owner = Command(connection, "SELECT account_id, webinar_id FROM instances WHERE uuid = $uuid", ("$uuid", instance.Uuid)))
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
            INSERT INTO webinars (account_id, webinar_id, topic, host_name, host_email) VALUES ($account, $webinar, $topic, $host, $email)
            ON CONFLICT (account_id, webinar_id) DO UPDATE SET topic = excluded.topic, host_name = excluded.host_name, host_email = excluded.host_email
            """,
            ("$account", instance.AccountId),
            ("$webinar", instance.WebinarId),
            ("$topic", instance.Topic),
            ("$host", instance.HostName),
            ("$email", instance.HostEmail)))
        {
            webinar.Transaction = transaction;
            await webinar.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var upsert = Command(
            connection,
            """
            INSERT INTO instances (uuid, account_id, webinar_id, topic, host_name, host_email, start_ms, end_ms, data_withheld)
            VALUES ($uuid, $account, $webinar, $topic, $host, $email, $start, $end, $withheld)
            ON CONFLICT (uuid) DO UPDATE SET topic = excluded.topic, host_name = excluded.host_name, host_email = excluded.host_email,
                start_ms = excluded.start_ms, end_ms = excluded.end_ms, data_withheld = excluded.data_withheld
            """,
            ("$uuid", instance.Uuid),
            ("$account", instance.AccountId),
            ("$webinar", instance.WebinarId),
            ("$topic", instance.Topic),
            ("$host", instance.HostName),
            ("$email", instance.HostEmail),
            ("$start", StorageKeys.ToMs(instance.StartTime)),
            ("$end", instance.EndTime is { } end ? StorageKeys.ToMs(end) : null),
            ("$withheld", instance.DataWithheld)))
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
                    ? $"SELECT {InstanceColumns} FROM instances WHERE account_id = $account AND webinar_id = $webinar AND end_ms IS NULL ORDER BY start_ms DESC, uuid DESC LIMIT 1"
                    : $"SELECT {InstanceColumns} FROM instances WHERE account_id = $account AND webinar_id = $webinar AND end_ms IS NOT NULL ORDER BY end_ms DESC, uuid DESC LIMIT 1",
                ("$account", accountId),
                ("$webinar", webinarId))
            : Command(connection, $"SELECT {InstanceColumns} FROM instances WHERE account_id = $account AND uuid = $uuid", ("$account", accountId), ("$uuid", webinarIdOrUuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInstance(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<InstancePage> ListInstancesAsync(string accountId, QosListType type, DateTimeOffset startFrom, DateTimeOffset startTo, InstanceCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var where = type == QosListType.Live
            ? "account_id = $account AND end_ms IS NULL"
            : "account_id = $account AND end_ms IS NOT NULL AND start_ms >= $from AND start_ms < $to";
        if (after is not null)
        {
            where += " AND (start_ms, uuid) > ($afterStart, $afterUuid)";
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"SELECT {InstanceColumns} FROM instances WHERE {where} ORDER BY start_ms, uuid LIMIT $limit",
            ("$account", accountId),
            ("$from", StorageKeys.ToMs(startFrom)),
            ("$to", StorageKeys.ToMs(startTo)),
            ("$afterStart", after?.StartMs),
            ("$afterUuid", after?.Uuid),
            ("$limit", limit + 1));
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
            FROM archive_checkpoints c JOIN instances i ON i.id = c.instance_id WHERE i.uuid = $uuid
            """,
            ("$uuid", instanceUuid));
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
            reader.GetInt64(3) != 0,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    private async Task<MergeResult> MergeAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, ArchiveCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participants);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var instanceId = await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken)
            ?? throw new QosStoreNotFoundException($"Instance {instanceUuid} does not exist; create it before merging participants.");

        await using var upsertSession = Command(
            connection,
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
        await using var findSession = Command(connection, "SELECT id FROM sessions WHERE instance_id = $instance AND user_id = $user", ("$instance", instanceId), ("$user", string.Empty));
        await using var upsertSample = Command(
            connection,
            """
            INSERT INTO samples (session_id, minute, json) VALUES ($session, $minute, $json)
            ON CONFLICT (session_id, minute) DO UPDATE SET json = excluded.json WHERE samples.json IS NOT excluded.json
            """,
            ("$session", 0L),
            ("$minute", string.Empty),
            ("$json", Array.Empty<byte>()));
        foreach (var command in new[] { upsertSession, findSession, upsertSample })
        {
            command.Transaction = transaction;
            command.Prepare();
        }

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

        if (checkpoint is not null)
        {
            await using var save = Command(
                connection,
                """
                INSERT INTO archive_checkpoints (instance_id, next_page_token, sessions_fetched, total_records, complete, updated_ms)
                VALUES ($instance, $token, $fetched, $total, $complete, $updated)
                ON CONFLICT (instance_id) DO UPDATE SET next_page_token = excluded.next_page_token, sessions_fetched = excluded.sessions_fetched,
                    total_records = excluded.total_records, complete = excluded.complete, updated_ms = excluded.updated_ms
                """,
                ("$instance", instanceId),
                ("$token", checkpoint.NextPageToken),
                ("$fetched", checkpoint.SessionsFetched),
                ("$total", checkpoint.TotalRecords),
                ("$complete", checkpoint.Complete ? 1L : 0L),
                ("$updated", checkpoint.UpdatedAt.ToUnixTimeMilliseconds()));
            save.Transaction = transaction;
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MergeResult(sessionsWritten, sessionsUnchanged, samplesWritten, samplesUnchanged);
    }

    /// <inheritdoc/>
    public async Task<ParticipantPage> ReadParticipantsAsync(string instanceUuid, ParticipantCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);

        // One read transaction: the sessions and their samples come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var instanceId = await InstanceIdAsync(connection, transaction, instanceUuid, cancellationToken);
        if (instanceId is null)
        {
            return new ParticipantPage([], null);
        }

        await using var sessions = Command(
            connection,
            after is null
                ? "SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = $instance ORDER BY join_ms, user_id LIMIT $limit"
                : "SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = $instance AND (join_ms, user_id) > ($join, $user) ORDER BY join_ms, user_id LIMIT $limit",
            ("$instance", instanceId),
            ("$join", after?.JoinMs),
            ("$user", after?.UserId),
            ("$limit", limit + 1));
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

        var arena = new SampleArena();
        try
        {
            var samples = ReadSamples(connection, rows.Select(r => r.Id).ToList(), arena);
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
    public async Task<long> CountParticipantsAsync(string instanceUuid, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            "SELECT COUNT(*) FROM sessions WHERE instance_id = (SELECT id FROM instances WHERE uuid = $uuid)",
            ("$uuid", instanceUuid));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public async Task<StoredParticipant?> GetParticipantAsync(string instanceUuid, string participantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = Command(
            connection,
            """
            SELECT id, join_ms, user_id, json FROM sessions
            WHERE instance_id = (SELECT id FROM instances WHERE uuid = $uuid) AND (user_id = $participant OR participant_uuid = $participant)
            ORDER BY join_ms, user_id LIMIT 1
            """,
            ("$uuid", instanceUuid),
            ("$participant", participantId));
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

        var samples = ReadSamples(connection, [id], arena: null);
        return new StoredParticipant(cursor, json, samples.GetValueOrDefault(id) ?? []);
    }

    /// <inheritdoc/>
    public async Task<string> ComputeChecksumAsync(CancellationToken cancellationToken = default)
    {
        (string Table, string Order)[] tables =
        [
            ("accounts", "id"), ("apps", "client_id"), ("webinars", "account_id, webinar_id"), ("instances", "uuid"),
            ("sessions", "instance_id, user_id"), ("samples", "session_id, minute"),
        ];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        foreach (var (table, order) in tables)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes("\u001e" + table));
            await using var command = Command(connection, $"SELECT * FROM {table} ORDER BY {order}");
            command.Transaction = transaction;
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
                        _ => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
                    });
                    hash.AppendData("\u001f"u8);
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The samples of <paramref name="sessionIds"/>, in minute order, read through SQLite's C API so that each
    /// blob is copied once, from the database page into <paramref name="arena"/> (or into an array of its own
    /// without one), instead of into a new array per sample (docs/decisions/0011). It runs inside the read
    /// transaction the caller opened and already read from, so its snapshot is the caller's and it never waits.
    /// </summary>
    private static Dictionary<long, List<ReadOnlyMemory<byte>>> ReadSamples(SqliteConnection connection, List<long> sessionIds, SampleArena? arena)
    {
        var bySession = new Dictionary<long, List<ReadOnlyMemory<byte>>>(sessionIds.Count);
        if (sessionIds.Count == 0)
        {
            return bySession;
        }

        var handle = connection.Handle!;
        var sql = $"SELECT session_id, json FROM samples WHERE session_id IN ({string.Join(", ", Enumerable.Repeat("?", sessionIds.Count))}) ORDER BY session_id, minute";
        var rc = SQLitePCL.raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            for (var i = 0; i < sessionIds.Count; i++)
            {
                SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_bind_int64(statement, i + 1, sessionIds[i]), handle);
            }

            List<ReadOnlyMemory<byte>>? current = null;
            var currentId = long.MinValue;
            while ((rc = SQLitePCL.raw.sqlite3_step(statement)) == SQLitePCL.raw.SQLITE_ROW)
            {
                var id = SQLitePCL.raw.sqlite3_column_int64(statement, 0);
                if (current is null || id != currentId)
                {
                    currentId = id;
                    current = new List<ReadOnlyMemory<byte>>(90);
                    bySession[id] = current;
                }

                var blob = SQLitePCL.raw.sqlite3_column_blob(statement, 1);
                current.Add(arena is null ? blob.ToArray() : arena.Add(blob));
            }

            if (rc != SQLitePCL.raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }

        return bySession;
    }

    private static async Task<long?> InstanceIdAsync(SqliteConnection connection, SqliteTransaction transaction, string instanceUuid, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT id FROM instances WHERE uuid = $uuid", ("$uuid", instanceUuid));
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static async Task RequireAccountAsync(SqliteConnection connection, SqliteTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT 1 FROM accounts WHERE id = $id", ("$id", accountId));
        command.Transaction = transaction;
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new QosStoreNotFoundException($"Account '{accountId}' does not exist; create it first.");
        }
    }

    private static WebinarInstance ReadInstance(SqliteDataReader reader) => new(
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

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Per-connection settings, applied once to each physical connection rather than on every open from the pool
    /// (the connection string's <c>Foreign Keys=True</c> runs its PRAGMA on every open): foreign keys on, and
    /// reads through a memory map instead of a <c>pread</c> and a copy per page (docs/decisions/0011).
    /// </summary>
    private static void ConfigureOnce(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA mmap_size = 1073741824;";
        pragma.ExecuteNonQuery();
        Configured.TryAdd(handle, Done);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            ConfigureOnce(connection);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw new QosStoreException($"Cannot open the SQLite store at '{Path}': {ex.Message}", ex);
        }
    }
}
