using System.Text.Json;
using ZoomQos.Benchmarks.Support;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage.Sqlite;

namespace ZoomQos.Benchmarks.Storage;

/// <summary>1,000 sessions × 90 samples, and stores to put them in.</summary>
internal static class StoreData
{
    public const int Sessions = 1000;
    public const int SamplesPerSession = 90;

    public static readonly WebinarInstance Instance = new(
        "bench-instance-uuid+w==", 81234567890, "bench", "Bench", "Grace", "g@example.com",
        new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 16, 30, 0, TimeSpan.Zero));

    public static IReadOnlyList<ParticipantQos> Participants()
    {
        var page = JsonSerializer.Deserialize(QosPageFactory.Create(Sessions, SamplesPerSession), ZoomJsonContext.Default.ParticipantQosPage)!;
        return page.Participants!;
    }

    public static async Task<SqliteQosStore> NewStoreAsync(string path)
    {
        var store = new SqliteQosStore(path);
        await store.InitializeAsync();
        await store.UpsertAccountAsync(new Account("bench", AccountPlan.Business, true, false));
        await store.UpsertInstanceAsync(Instance);
        return store;
    }

    public static string TempPath() => Path.Combine(Path.GetTempPath(), "zoomqos-bench-" + Guid.NewGuid().ToString("N") + ".db");

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
