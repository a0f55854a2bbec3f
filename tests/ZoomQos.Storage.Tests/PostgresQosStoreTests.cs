using Npgsql;
using ZoomQos.Storage.Postgres;
using ZoomQos.TestSupport;

namespace ZoomQos.Storage.Tests;

/// <summary>The store suite on PostgreSQL (a database of its own per test), plus what only PostgreSQL has.</summary>
public sealed class PostgresQosStoreTests : QosStoreContractTests
{
    private const int PostgresSchemaVersion = 13;
    private PostgresCluster? _cluster;
    private string? _database;

    [SkippableFact]
    public async Task The_schema_is_versioned_and_two_nodes_starting_at_once_migrate_it_once()
    {
        var other = new PostgresQosStore(_database!);
        await Task.WhenAll(Store.InitializeAsync(), other.InitializeAsync(), Store.InitializeAsync());
        await other.DisposeAsync();

        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_version", connection);
        var versions = (int[])(await command.ExecuteScalarAsync())!;
        Assert.Equal(Enumerable.Range(1, PostgresSchemaVersion), versions);
    }

    [SkippableFact]
    public async Task A_store_from_a_newer_zoomqos_is_refused_with_a_clear_error()
    {
        await Store.InitializeAsync();
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (99)", connection);
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<QosStoreException>(() => Store.InitializeAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_unreachable_server_is_a_clear_store_error_that_never_shows_the_password()
    {
        await using var store = QosStores.Open("postgres:Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2-secret;Timeout=2");

        var error = await Assert.ThrowsAsync<QosStoreException>(() => store.InitializeAsync());

        Assert.Contains("Cannot open the PostgreSQL store", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Keyset_pages_use_the_page_index_at_any_depth()
    {
        await Store.InitializeAsync();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "EXPLAIN SELECT id, join_ms, user_id, json FROM sessions WHERE instance_id = 1 AND (join_ms, user_id) > (5, 'x') ORDER BY join_ms, user_id LIMIT 11",
            connection);
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        var plan = string.Join('\n', await ReadAllAsync(command));
        Assert.Contains("ix_sessions_page", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    protected override async Task<IQosStore> OpenEmptyStoreAsync()
    {
        _cluster = await PostgresSkip.RequireAsync();
        _database = await _cluster.CreateDatabaseAsync();
        return new PostgresQosStore(_database);
    }

    protected override IQosStore OpenSameStore() => new PostgresQosStore(_database!);

    protected override async Task<IReadOnlyList<(string ClientId, byte[] Salt, byte[] Hash)>> StoredSecretsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT client_id, secret_salt, secret_hash FROM apps ORDER BY client_id", connection);
        var rows = new List<(string, byte[], byte[])>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)));
        }

        return rows;
    }

    protected override async Task<byte[]> EverythingStoredAsync()
    {
        // Every row of every table of the database, as text and as binary COPY output.
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'", connection))
        {
            tables.AddRange(await ReadAllAsync(list));
        }

        using var everything = new MemoryStream();
        foreach (var table in tables)
        {
            using (var text = await connection.BeginTextExportAsync($"COPY {table} TO STDOUT"))
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(await text.ReadToEndAsync());
                everything.Write(bytes);
            }

            await using var binary = await connection.BeginRawBinaryCopyAsync($"COPY {table} TO STDOUT (FORMAT BINARY)");
            await binary.CopyToAsync(everything);
        }

        Assert.Contains("apps", tables);
        return everything.ToArray();
    }

    protected override async Task DisposeStorageAsync()
    {
        if (_cluster is not null && _database is not null)
        {
            await _cluster.DropDatabaseAsync(_database);
        }
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
