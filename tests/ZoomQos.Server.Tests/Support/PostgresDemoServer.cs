using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests.Support;

/// <summary>The same demo server over PostgreSQL (a database of its own in the test cluster).</summary>
public sealed class PostgresDemoServer : DemoServer
{
    private PostgresCluster? _cluster;
    private string? _database;

    protected override async Task<(string Store, string? SkipReason)> CreateStoreAsync()
    {
        var (cluster, reason) = await PostgresCluster.TryGetAsync();
        if (cluster is null)
        {
            return (string.Empty, reason);
        }

        _cluster = cluster;
        _database = await cluster.CreateDatabaseAsync();
        return ("postgres:" + _database, null);
    }

    protected override async Task DropStoreAsync()
    {
        if (_cluster is not null && _database is not null)
        {
            await _cluster.DropDatabaseAsync(_database);
        }
    }
}

/// <summary>One seeded PostgreSQL demo server shared by the conformance classes that run on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgresDemoServer : ICollectionFixture<PostgresDemoServer>
{
    public const string Name = "demo server on PostgreSQL";
}
