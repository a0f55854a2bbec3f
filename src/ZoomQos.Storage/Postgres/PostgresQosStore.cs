using System.Data.Common;
using Npgsql;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage.Sql;

namespace ZoomQos.Storage.Postgres;

/// <summary>
/// The <see cref="IQosStore"/> for several server nodes: PostgreSQL through one pooled Npgsql data source. The SQL
/// both stores share is <see cref="SqlQosStore"/>'s; this keeps the connection settings, an advisory lock per webinar
/// (and one for migrations, so that nodes starting at once migrate once), the binary-COPY merge and the sample reads.
/// </summary>
public sealed class PostgresQosStore : SqlQosStore
{
    private const long SchemaLock = 0x5A6F6F6D516F53; // "ZoomQoS"

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

    /// <summary>Connections a store opens at most unless its connection string says (<c>Maximum Pool Size</c>): 4 per processor, at least 16.</summary>
    internal static int DefaultMaxPoolSize { get; } = Math.Max(16, 4 * Environment.ProcessorCount);

    private protected override SqlDialect Dialect => SqlDialect.Postgres;

    private protected override string Kind => "PostgreSQL";

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc/>
    /// <remarks>A session-level advisory lock on a connection of its own, held open for as long as the lease.</remarks>
    public override async Task<IStoreLease?> TryAcquireLeaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var connection = (NpgsqlConnection)await OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@name, 1))", connection);
            command.Parameters.AddWithValue("name", "lease:" + name);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new PostgresLease(connection, "lease:" + name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
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

    private protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    private protected override async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    // Transaction-scoped advisory locks: one per name (a 64-bit hash of it), in the order given; or the schema's.
    private protected override async Task LockAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            await using var schema = DbCommands.Create(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", SchemaLock));
            await schema.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var name in names)
        {
            await using var command = DbCommands.Create(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", ("name", name));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private protected override Task<MergeResult> MergeSessionsAsync(DbConnection connection, DbTransaction transaction, long instanceId, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken) =>
        PostgresMerge.RunAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, instanceId, participants, cancellationToken);

    /// <summary>
    /// An array each, not the arena: copying them into pooled chunks with Npgsql's <c>GetBytes</c> made a page read
    /// slower (2.94 ms against 1.90 ms; decisions/0011).
    /// </summary>
    private protected override async Task<Dictionary<long, List<ReadOnlyMemory<byte>>>> ReadSamplesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> sessionIds, SampleArena? arena, CancellationToken cancellationToken)
    {
        var bySession = new Dictionary<long, List<ReadOnlyMemory<byte>>>(sessionIds.Count);
        if (sessionIds.Count == 0)
        {
            return bySession;
        }

        await using var command = DbCommands.Create(connection, transaction, "SELECT session_id, json FROM samples WHERE session_id = ANY(@ids) ORDER BY session_id, minute", ("ids", sessionIds.ToArray()));
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
}
