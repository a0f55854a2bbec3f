using System.Data.Common;
using Microsoft.Data.Sqlite;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage.Sql;

namespace ZoomQos.Storage.Sqlite;

/// <summary>
/// The embedded default <see cref="IQosStore"/>: one SQLite file in WAL mode (readers never wait for the writer),
/// schema created and migrated on <see cref="InitializeAsync"/>, one write transaction per merge, which holds the
/// database's write lock from its start (BEGIN IMMEDIATE). The SQL both stores share is <see cref="SqlQosStore"/>'s;
/// this keeps the connection settings, the row-by-row merge and the sample reads through SQLite's C API.
/// </summary>
public sealed class SqliteQosStore : SqlQosStore
{
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

    private protected override SqlDialect Dialect => SqlDialect.Sqlite;

    private protected override string Kind => "SQLite";

    /// <inheritdoc/>
    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
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
        // Takes effect on a new file only: a sample's JSON (about 1 KB) then fits on its page of the samples b-tree
        // instead of overflowing onto a page of its own (the demo's file: 221 MB → 107 MB; decision 0021).
        await DbCommands.ExecuteAsync(connection, null, "PRAGMA page_size = 16384", cancellationToken);
        await DbCommands.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        await MigrateAsync(connection, cancellationToken);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>An exclusive lock on a file beside the database (<c>PATH.lease-NAME</c>), which the OS drops with the process.</remarks>
    public override Task<IStoreLease?> TryAcquireLeaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var file = $"{Path}.lease-{string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))}";
        try
        {
            return Task.FromResult<IStoreLease?>(new FileLease(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
        }
        catch (IOException)
        {
            return Task.FromResult<IStoreLease?>(null); // another holder has it
        }
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
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

    private protected override async Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await DbCommands.ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL", cancellationToken);
        return connection;
    }

    private protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private protected override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // BEGIN IMMEDIATE took the database's one write lock: no other writer of any webinar runs until commit.
    private protected override Task LockAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> names, CancellationToken cancellationToken) => Task.CompletedTask;

    private protected override Task<MergeResult> MergeSessionsAsync(DbConnection connection, DbTransaction transaction, long instanceId, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken) =>
        SqliteMerge.RunAsync((SqliteConnection)connection, (SqliteTransaction)transaction, instanceId, participants, cancellationToken);

    /// <summary>
    /// Reads through SQLite's C API so that each blob is copied once, from the database page into the arena (or into
    /// an array of its own without one), instead of into a new array per sample (docs/decisions/0011). It runs inside
    /// the read transaction the caller opened and already read from, so its snapshot is the caller's and it never waits.
    /// </summary>
    private protected override Task<Dictionary<long, List<ReadOnlyMemory<byte>>>> ReadSamplesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> sessionIds, SampleArena? arena, CancellationToken cancellationToken)
    {
        var bySession = new Dictionary<long, List<ReadOnlyMemory<byte>>>(sessionIds.Count);
        if (sessionIds.Count == 0)
        {
            return Task.FromResult(bySession);
        }

        var sql = $"SELECT session_id, json FROM samples WHERE session_id IN ({string.Join(", ", Enumerable.Repeat("?", sessionIds.Count))}) ORDER BY session_id, minute";
        using var statement = new SqliteStatement((SqliteConnection)connection, sql);
        for (var i = 0; i < sessionIds.Count; i++)
        {
            statement.Bind(i + 1, sessionIds[i]);
        }

        List<ReadOnlyMemory<byte>>? current = null;
        var currentId = long.MinValue;
        while (statement.Step())
        {
            var id = statement.Int64(0);
            if (current is null || id != currentId)
            {
                currentId = id;
                current = new List<ReadOnlyMemory<byte>>(90);
                bySession[id] = current;
            }

            var blob = statement.Blob(1);
            current.Add(arena is null ? blob.ToArray() : arena.Add(blob));
        }

        return Task.FromResult(bySession);
    }

    /// <summary>
    /// Per-connection settings, applied once to each physical connection rather than on every open from the pool
    /// (the connection string's <c>Foreign Keys=True</c> runs its PRAGMA on every open): foreign keys on. Reads are
    /// SQLite's default <c>pread</c>s, not a memory map: the map was as fast under wrk once pages were read through the
    /// C API, and each pooled connection's map counted the file again in the server's resident memory (decision 0011).
    /// </summary>
    private static void ConfigureOnce(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        Configured.TryAdd(handle, Done);
    }
}
