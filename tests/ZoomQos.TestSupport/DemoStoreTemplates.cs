using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using ZoomQos.Server.Demo;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.TestSupport;

/// <summary>
/// The demo data set is a function of its reference time, and seeding it (a 1,003-session webinar among others) is
/// most of the CPU a seeded test server costs. So a test process seeds one SQLite store per reference time, once,
/// and every new SQLite store that a server is asked to seed at that time starts as a copy of it; the server's own
/// seeder then finds the ended instances stored as it would write them and merges only the live ones.
/// </summary>
public static class DemoStoreTemplates
{
    private static readonly ConcurrentDictionary<DateTimeOffset, Lazy<Task<string>>> Templates = new();

    static DemoStoreTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
        {
            DeleteQuietly(template.Value.Result);
        }
    };

    /// <summary>Copies the seeded template of <paramref name="referenceTime"/> to <paramref name="path"/>, which must not exist yet.</summary>
    public static async Task CopyToAsync(string path, DateTimeOffset referenceTime)
    {
        var template = await Templates.GetOrAdd(referenceTime, at => new Lazy<Task<string>>(() => CreateAsync(at))).Value;
        File.Copy(template, path);
    }

    private static async Task<string> CreateAsync(DateTimeOffset referenceTime)
    {
        var path = Path.Combine(Path.GetTempPath(), "zoomqos-demo-template-" + Guid.NewGuid().ToString("N") + ".db");
        await using (var store = QosStores.Open("sqlite:" + path))
        {
            await store.InitializeAsync();
            var demo = DemoDataSet.Create(referenceTime);
            await DemoSeeder.SeedAsync(store, demo, demo.ReferenceTime, NullLogger.Instance, default);
        }

        // The store's last connection closed: SQLite checkpointed its write-ahead log into the file and removed it.
        if (File.Exists(path + "-wal"))
        {
            throw new InvalidOperationException($"The demo template {path} still has a write-ahead log after its store closed.");
        }

        return path;
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // a temporary file; the OS cleans the folder
        }
    }
}
