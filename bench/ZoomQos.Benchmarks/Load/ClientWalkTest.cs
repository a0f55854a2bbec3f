using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.Benchmarks.Load;

/// <summary>
/// Issue 5's client suite: walking the demo all-hands (101 pages) with the SDK against a bare HttpClient GET
/// loop over the same URLs, in one run, rate limits off; then the managed-heap peak of a walk of that webinar
/// and of one ten times larger. The server runs in this process on loopback with a frozen clock (its page
/// tokens never expire during the run).
/// Run: dotnet run -c Release --project bench/ZoomQos.Benchmarks -- client [rounds]
/// </summary>
internal static class ClientWalkTest
{
    private const string BigUuid = "TenfoldWebinarBench00w==";

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var directory = Directory.CreateTempSubdirectory("zoomqos-client-bench-");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        try
        {
            var storeSpec = "sqlite:" + Path.Combine(directory.FullName, "client.db");
            await using var server = await ZoomQosServer.StartAsync(
                new ServerOptions { Urls = "http://127.0.0.1:0", Store = storeSpec, SeedDemo = true, RateLimits = false, TimeProvider = time },
                logging => logging.SetMinimumLevel(LogLevel.Warning));
            var big = await SeedTenfoldAsync(storeSpec, time.GetUtcNow());
            using var credential = new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", server.TokenAddress);
            using var client = new ZoomQosClient(credential, new ZoomQosClientOptions { BaseUri = server.ApiBaseAddress, RatePlan = null });
            using var http = new HttpClient();
            var token = await credential.GetTokenAsync(false, CancellationToken.None);
            var urls = await UrlsAsync(http, server, token);

            var bare = new List<double>();
            var sdk = new List<double>();
            for (var round = 0; round < rounds + 1; round++)
            {
                var b = await TimeAsync(async () =>
                {
                    foreach (var url in urls)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, url);
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        using var response = await http.SendAsync(request);
                        _ = await response.Content.ReadAsByteArrayAsync();
                    }
                });
                var s = await TimeAsync(async () => _ = await client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).CountAsync());
                if (round > 0)
                {
                    (bare, sdk) = ([.. bare, b], [.. sdk, s]); // round 0 warms both up
                }
            }

            var bareMedian = Median(bare);
            var sdkMedian = Median(sdk);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"101 pages of the demo all-hands, {rounds} rounds, medians:"));
            Console.WriteLine("| Walk | Median | Ratio |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Bare HttpClient GET loop over the same 101 URLs, bodies read as bytes | {bareMedian:N0} ms | 1.00 |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ZoomQosClient walk, every value parsed into typed records | {sdkMedian:N0} ms | {sdkMedian / bareMedian:0.00} |"));

            var smallPeak = await PeakAsync(() => client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).CountAsync().AsTask());
            var bigPeak = await PeakAsync(() => client.GetWebinarParticipantsQosAsync(BigUuid, QosListType.Past).CountAsync().AsTask());
            Console.WriteLine();
            Console.WriteLine("| Webinar | Sessions | Peak managed heap during the walk | Ratio |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Demo all-hands | {smallPeak.Count:N0} | {smallPeak.PeakBytes / 1_048_576.0:N1} MiB | 1.00 |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Ten times larger ({big.SessionCount:N0} sessions) | {bigPeak.Count:N0} | {bigPeak.PeakBytes / 1_048_576.0:N1} MiB | {(double)bigPeak.PeakBytes / smallPeak.PeakBytes:0.00} |"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<SimulatedWebinar> SeedTenfoldAsync(string storeSpec, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-2).AddHours(16), TimeSpan.Zero);
        var webinar = WebinarSimulator.Simulate(new WebinarSpec(
            new WebinarInstance(BigUuid, 81234567880, "demo", "Tenfold all-hands", "Grace Hopper", "grace@example.com", start, start.AddMinutes(90)),
            Panelists: 3, AttendeeSessions: 10_000, DurationMinutes: 90, Seed: 99));
        await using var store = QosStores.Open(storeSpec);
        await store.UpsertInstanceAsync(webinar.Instance);
        await store.MergeParticipantsAsync(webinar.Instance.Uuid, webinar.Participants().ToAsyncEnumerable());
        return webinar;
    }

    private static async Task<List<Uri>> UrlsAsync(HttpClient http, ZoomQosServer server, string token)
    {
        var urls = new List<Uri>();
        var next = string.Empty;
        do
        {
            var url = new Uri(server.BaseAddress, "v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10&next_page_token=" + Uri.EscapeDataString(next));
            urls.Add(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            next = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["next_page_token"]!.GetValue<string>();
        }
        while (next.Length > 0);
        return urls;
    }

    private static async Task<double> TimeAsync(Func<Task> walk)
    {
        var clock = Stopwatch.StartNew();
        await walk();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<(int Count, long PeakBytes)> PeakAsync(Func<Task<int>> walk)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        var count = await walk();
        await stop.CancelAsync();
        await sampler;
        return (count, peak);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
