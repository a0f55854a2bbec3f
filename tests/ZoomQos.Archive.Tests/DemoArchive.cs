using Microsoft.Extensions.Logging.Abstractions;
using ZoomQos.Archive.Summaries;
using ZoomQos.Server.Demo;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.Storage.Sqlite;
using ZoomQos.TestSupport;

namespace ZoomQos.Archive.Tests;

/// <summary>The demo data set in a SQLite store, with every ended instance summarised: shared by a test class, read only.</summary>
public sealed class DemoArchive : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-archive-" + Guid.NewGuid().ToString("N"));

    public static DateTimeOffset Now { get; } = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public DemoDataSet Demo { get; } = DemoDataSet.Create(Now);

    public IQosStore Store { get; private set; } = null!;

    public string StorePath => Path.Combine(_directory, "archive.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await DemoStoreTemplates.CopyToAsync(StorePath, Now);
        Store = new SqliteQosStore(StorePath);
        await Store.InitializeAsync();
        await DemoSeeder.SeedAsync(Store, Demo, Now, NullLogger.Instance, default);
        foreach (var webinar in Demo.Webinars.Where(w => !w.Instance.IsLive))
        {
            await InstanceSummaries.ComputeAsync(Store, webinar.Instance, Now);
        }
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
