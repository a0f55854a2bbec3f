using System.Data.Common;
using System.Globalization;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Storage.Sql;

/// <summary>
/// Everything both stores do, once, on ADO.NET: the SQL of accounts, apps, instances, checkpoints, keyset pages
/// and checksums, with named parameters that Microsoft.Data.Sqlite and Npgsql both bind, and the one ordered list of
/// migrations (<see cref="SchemaMigrations"/>). A provider keeps only what differs: how it opens a connection and
/// begins a transaction, how it locks a webinar for writing, the bulk merge of sessions and samples (row upserts on
/// SQLite, binary COPY on PostgreSQL), and how it reads a page's samples (docs/decisions/0015).
/// </summary>
public abstract partial class SqlQosStore : IQosStore
{
    private static readonly ClientSecretHash DecoyHash = ClientSecretHash.Create("decoy", ClientSecretHash.DefaultIterations);

    /// <summary>Only the two providers of this assembly derive from it.</summary>
    private protected SqlQosStore()
    {
    }

    /// <summary>The dialect of the migrations.</summary>
    private protected abstract SqlDialect Dialect { get; }

    /// <summary>The store's kind in messages: "SQLite", "PostgreSQL".</summary>
    private protected abstract string Kind { get; }

    /// <inheritdoc/>
    public virtual async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await MigrateAsync(connection, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task UpsertAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            """
            INSERT INTO accounts (id, plan, dashboard, privacy_blanking, qss_subscription, master_account_id) VALUES (@id, @plan, @dashboard, @privacy, @qss, @master)
            ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, dashboard = excluded.dashboard, privacy_blanking = excluded.privacy_blanking,
                qss_subscription = excluded.qss_subscription, master_account_id = excluded.master_account_id
            """,
            ("id", account.Id),
            ("plan", account.Plan.ToString()),
            ("dashboard", account.DashboardEnabled),
            ("privacy", account.PrivacyBlanking),
            ("qss", account.QssSubscription),
            ("master", account.MasterAccountId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        using var activity = StoreActivities.Start("GetAccountAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT id, plan, dashboard, privacy_blanking, qss_subscription, master_account_id FROM accounts WHERE id = @id", ("id", accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Account(reader.GetString(0), Enum.Parse<AccountPlan>(reader.GetString(1)), reader.GetBoolean(2), reader.GetBoolean(3)) { QssSubscription = reader.GetBoolean(4), MasterAccountId = reader.IsDBNull(5) ? null : reader.GetString(5) }
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
        await using var command = DbCommands.Create(
            connection,
            null,
            """
            INSERT INTO apps (client_id, account_id, secret_salt, secret_hash, iterations, scopes)
            VALUES (@client, @account, @salt, @hash, @iterations, @scopes)
            ON CONFLICT (client_id) DO UPDATE SET account_id = excluded.account_id, secret_salt = excluded.secret_salt,
                secret_hash = excluded.secret_hash, iterations = excluded.iterations, scopes = excluded.scopes
            """,
            ("client", app.ClientId),
            ("account", app.AccountId),
            ("salt", hash.Salt),
            ("hash", hash.Hash),
            ("iterations", hash.Iterations),
            ("scopes", string.Join(' ', app.Scopes)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiApp?> AuthenticateAppAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        using var activity = StoreActivities.Start("AuthenticateAppAsync", Kind);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            "SELECT account_id, secret_salt, secret_hash, iterations, scopes FROM apps WHERE client_id = @client",
            ("client", clientId));
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
    public abstract ValueTask DisposeAsync();

    /// <inheritdoc/>
    public abstract Task<IStoreLease?> TryAcquireLeaseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A connection for reading.</summary>
    /// <exception cref="QosStoreException">The store cannot be opened.</exception>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection for writing (SQLite sets its durability for writers here).</summary>
    private protected virtual Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>A transaction that will write: SQLite takes the database's write lock at once (BEGIN IMMEDIATE).</summary>
    private protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction whose reads all see one snapshot.</summary>
    private protected abstract Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Holds back, until this transaction ends, every other writer that names one of <paramref name="names"/> (or the
    /// schema, for none), so that a check made in the transaction still holds at commit: PostgreSQL takes an advisory
    /// lock per name, in the order given; SQLite's write transaction already holds the database's only write lock.
    /// </summary>
    private protected abstract Task LockAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>Applies the migrations not yet applied, in one transaction, under the schema's lock.</summary>
    private protected async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockAsync(connection, transaction, [], cancellationToken);
        await DbCommands.ExecuteAsync(connection, transaction, SchemaMigrations.VersionTable(Dialect), cancellationToken);
        await using var read = DbCommands.Create(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (version > SchemaMigrations.CurrentVersion)
        {
            throw new QosStoreException(
                $"The {Kind} store has schema version {version}, newer than this ZoomQos understands ({SchemaMigrations.CurrentVersion}). Upgrade ZoomQos.");
        }

        for (var next = version + 1; next <= SchemaMigrations.CurrentVersion; next++)
        {
            if (SchemaMigrations.Step(next, Dialect) is { Length: > 0 } step)
            {
                await DbCommands.ExecuteAsync(connection, transaction, step, cancellationToken);
            }

            await DbCommands.ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({next})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RequireAccountAsync(DbConnection connection, DbTransaction? transaction, string accountId, CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction, "SELECT 1 FROM accounts WHERE id = @id", ("id", accountId));
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new QosStoreNotFoundException($"Account '{accountId}' does not exist; create it first.");
        }
    }
}
