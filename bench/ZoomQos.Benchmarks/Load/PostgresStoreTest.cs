using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using ZoomQos.Benchmarks.Storage;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;
using ZoomQos.Storage;
using ZoomQos.Storage.Postgres;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Load;

/// <summary>
/// Issue 8's figures, PostgreSQL beside SQLite in one run: merging 1,000 sessions × 90 samples (binary COPY for
/// PostgreSQL), page reads at page 1 and page 100, and the list endpoint's load test on each store. The
/// PostgreSQL server is a throwaway cluster on loopback (or ZOOMQOS_TEST_POSTGRES).
/// Run: dotnet run -c Release --project bench/ZoomQos.Benchmarks -- postgres [rounds] [seconds]
/// </summary>
internal static class PostgresStoreTest
{
    private const int Connections = 16;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var (cluster, reason) = await PostgresCluster.TryGetAsync();
        if (cluster is null)
        {
            Console.WriteLine(reason);
            return;
        }

        var participants = StoreData.Participants();
        var samples = participants.Sum(p => p.UserQos!.Count);
        var merges = new Dictionary<string, List<double>> { ["sqlite"] = [], ["postgres"] = [] };
        var reads = new Dictionary<string, (List<double> First, List<double> Hundredth)> { ["sqlite"] = ([], []), ["postgres"] = ([], []) };
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var kind in new[] { "sqlite", "postgres" })
            {
                var path = StoreData.TempPath();
                var database = kind == "postgres" ? await cluster.CreateDatabaseAsync() : null;
                IQosStore store = kind == "postgres" ? new PostgresQosStore(database!) : new ZoomQos.Storage.Sqlite.SqliteQosStore(path);
                try
                {
                    await store.InitializeAsync();
                    await store.UpsertAccountAsync(new Account("bench", AccountPlan.Business, true, false));
                    await store.UpsertInstanceAsync(StoreData.Instance);
                    var watch = Stopwatch.StartNew();
                    await store.MergeParticipantsAsync(StoreData.Instance.Uuid, participants.ToAsyncEnumerable());
                    watch.Stop();

                    // Page 1 and page 100 (sessions 991-1000), 20 reads each.
                    var first = new List<double>();
                    var hundredth = new List<double>();
                    var cursor = await CursorBeforeAsync(store, 990);
                    for (var i = 0; i < 20; i++)
                    {
                        first.Add(await TimeAsync(() => store.ReadParticipantsAsync(StoreData.Instance.Uuid, null, 10)));
                        hundredth.Add(await TimeAsync(() => store.ReadParticipantsAsync(StoreData.Instance.Uuid, cursor, 10)));
                    }

                    if (round > 0)
                    {
                        merges[kind].Add(samples / watch.Elapsed.TotalSeconds);
                        reads[kind].First.Add(Median(first));
                        reads[kind].Hundredth.Add(Median(hundredth));
                    }
                }
                finally
                {
                    await store.DisposeAsync();
                    if (database is not null)
                    {
                        await cluster.DropDatabaseAsync(database);
                    }
                    else
                    {
                        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                        StoreData.Delete(path);
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Merge of {participants.Count:N0} sessions x {StoreData.SamplesPerSession} samples ({samples:N0} samples) into an empty store, median of {rounds} rounds after one warm-up:"));
        Console.WriteLine("| Store | Samples/s | Page 1 median ms | Page 100 median ms | Page 100 / page 1 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var kind in new[] { "sqlite", "postgres" })
        {
            var (firstMs, hundredthMs) = (Median(reads[kind].First), Median(reads[kind].Hundredth));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {Median(merges[kind]):N0} | {firstMs:0.00} | {hundredthMs:0.00} | {hundredthMs / firstMs:0.00} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL / SQLite merge: {Median(merges["postgres"]) / Median(merges["sqlite"]):0.00}x"));
        await LoadAsync(cluster, seconds);
    }

    private static async Task LoadAsync(PostgresCluster cluster, int seconds)
    {
        var database = await cluster.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("zoomqos-pg-load-");
        try
        {
            var results = new List<LoadResult>();
            foreach (var (name, store) in new[] { ("SQLite", "sqlite:" + Path.Combine(directory.FullName, "load.db")), ("PostgreSQL", "postgres:" + database) })
            {
                await using var server = await ZoomQosServer.StartAsync(
                    new ServerOptions { Urls = "http://127.0.0.1:0", Store = store, SeedDemo = true, RateLimits = false },
                    logging => logging.SetMinimumLevel(LogLevel.Warning));
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections });
                var token = await ServerLoadTest.TokenAsync(http, server);
                var pages = await ServerLoadTest.WalkAsync(http, server.BaseAddress, token);
                results.Add(await LoadRun.RunAsync($"ZoomQos server on {name}, list endpoint, {pages.Count} pages", http, i =>
                {
                    var message = new HttpRequestMessage(HttpMethod.Get, pages[i % pages.Count]);
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return message;
                }, Connections, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds)));
            }

            Console.WriteLine();
            Console.WriteLine("| Server | Pages/s | MB/s | p50 ms | p99 ms | Ratio to SQLite | Failures |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(results[0].Row(null));
            Console.WriteLine(results[1].Row(results[0]));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
            await cluster.DropDatabaseAsync(database);
        }
    }

    private static async Task<ParticipantCursor?> CursorBeforeAsync(IQosStore store, int position)
    {
        ParticipantCursor? cursor = null;
        for (var read = 0; read < position; read += 10)
        {
            cursor = (await store.ReadParticipantsAsync(StoreData.Instance.Uuid, cursor, 10)).Next;
        }

        return cursor;
    }

    // A page is disposed once read, as the server does after writing it (its pooled buffers go back).
    private static async Task<double> TimeAsync(Func<Task<ParticipantPage>> read)
    {
        var watch = Stopwatch.StartNew();
        using var page = await read();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
