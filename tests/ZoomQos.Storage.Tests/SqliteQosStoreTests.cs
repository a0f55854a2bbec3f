using Microsoft.Data.Sqlite;
using ZoomQos.Storage.Sqlite;
using ZoomQos.Storage.Tests.Support;

namespace ZoomQos.Storage.Tests;

/// <summary>The store suite on SQLite, plus what only SQLite has: the file, WAL mode and schema versions.</summary>
public sealed class SqliteQosStoreTests : QosStoreContractTests
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task The_store_runs_in_wal_mode_and_records_its_schema_version()
    {
        await Store.InitializeAsync();

        await using var connection = new SqliteConnection($"Data Source={_directory.File("store.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        Assert.Equal(13L, (long?)await command.ExecuteScalarAsync()); // one list of migrations for both stores; step 4 is PostgreSQL's alone
    }

    [Fact]
    public async Task A_version_1_store_is_migrated_to_the_current_version_and_keeps_its_data()
    {
        await Store.InitializeAsync();
        await Store.UpsertAccountAsync(new Contracts.Accounts.Account("acct", Contracts.Accounts.AccountPlan.Business, true, false));
        await using (var connection = new SqliteConnection($"Data Source={_directory.File("store.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE instances DROP COLUMN data_withheld; ALTER TABLE instances DROP COLUMN kind; ALTER TABLE instances DROP COLUMN list_fields; ALTER TABLE instances DROP COLUMN revision; DROP TABLE archive_checkpoints; DROP TABLE dashboard_users; DROP TABLE session_outcomes; DROP TABLE instance_summaries; DROP TABLE data_protection_keys; DROP TABLE qss_events; ALTER TABLE accounts DROP COLUMN qss_subscription; ALTER TABLE accounts DROP COLUMN master_account_id; DELETE FROM schema_version WHERE version >= 2;";
            await command.ExecuteNonQueryAsync();
        }

        await Store.InitializeAsync();

        Assert.NotNull(await Store.GetAccountAsync("acct"));
        Assert.Null(await Store.GetCheckpointAsync("no-such-uuid=="));
    }

    [Fact]
    public async Task A_store_from_a_newer_zoomqos_is_refused_with_a_clear_error()
    {
        await Store.InitializeAsync();
        await using (var connection = new SqliteConnection($"Data Source={_directory.File("store.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version) VALUES (99)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<QosStoreException>(() => Store.InitializeAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_secrets_never_reach_the_file()
    {
        await Store.InitializeAsync();
        await Store.UpsertAccountAsync(StoreFixture.Demo);
        await Store.UpsertAppAsync(new Contracts.Accounts.ApiApp("client-1", StoreFixture.Demo.Id, []), "plain-secret-8f2e1c");
        await Store.DisposeAsync();

        var bytes = string.Join('\n', Directory.GetFiles(_directory.Path).Select(f => Convert.ToHexString(File.ReadAllBytes(f))));

        Assert.DoesNotContain(Convert.ToHexString("plain-secret-8f2e1c"u8), bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_path_is_a_clear_store_error()
    {
        await File.WriteAllTextAsync(_directory.File("blocker"), "a file where a folder should be");
        await using var store = new SqliteQosStore(Path.Combine(_directory.File("blocker"), "x.db"));

        var error = await Assert.ThrowsAsync<QosStoreException>(() => store.InitializeAsync());

        Assert.Contains("blocker", error.Message, StringComparison.Ordinal);
    }

    protected override Task<IQosStore> OpenEmptyStoreAsync() => Task.FromResult<IQosStore>(new SqliteQosStore(_directory.File("store.db")));

    protected override IQosStore OpenSameStore() => new SqliteQosStore(_directory.File("store.db"));

    protected override async Task<IReadOnlyList<(string ClientId, byte[] Salt, byte[] Hash)>> StoredSecretsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("store.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT client_id, secret_salt, secret_hash FROM apps ORDER BY client_id";
        var rows = new List<(string, byte[], byte[])>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), (byte[])reader[1], (byte[])reader[2]));
        }

        return rows;
    }

    protected override async Task<byte[]> EverythingStoredAsync()
    {
        // The database file and its write-ahead log, as they are on disk.
        var bytes = new List<byte>();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_directory.File("store.db"))!))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes.AddRange(copy.ToArray());
        }

        return [.. bytes];
    }

    protected override Task DisposeStorageAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
