using System.Globalization;
using System.Text.RegularExpressions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ZoomQos.Benchmarks.Judged;
using ZoomQos.Benchmarks.Load;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Peers;

/// <summary>
/// Issue 19's server row: <c>zoomqos serve --seed demo --no-rate-limit</c> as a process serving the demo all-hands' 101
/// list pages (page_size 10) under wrk with 16 connections, beside the ceiling (a bare Kestrel app returning page 1's
/// bytes from memory) and WireMock.Net returning page 1 canned, interleaved, a warm-up round not counted. The server's
/// resident memory is sampled while wrk runs against it: all of it (VmRSS, the goal's figure) and its heap and native
/// memory (RssAnon).
/// </summary>
internal static partial class ServerRow
{
    private const int Connections = 16;
    private const string ListPath = "/v2/metrics/webinars/81234567890/participants/qos";

    public static async Task<IReadOnlyList<PeerRow>> RunAsync(DirectoryInfo directory, int rounds, int seconds)
    {
        var wrk = Wrk.Find() ?? throw new InvalidOperationException("wrk is not on PATH: apt-get install wrk (Debian's), the server row's load generator");
        using var server = ZoomqosProcess.Start("serve", "--urls", "http://127.0.0.1:0", "--store", "sqlite:" + Path.Combine(directory.FullName, "served.db"), "--seed", "demo", "--no-rate-limit");
        var address = new Uri(Listening().Match(await server.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90))).Groups[1].Value);
        using var http = new HttpClient();
        var token = await DemoTokens.RequestAsync(http, address);
        var pages = await ServerLoadTest.WalkAsync(http, address, token);
        using var first = new HttpRequestMessage(HttpMethod.Get, pages[0]);
        first.Headers.Authorization = new("Bearer", token);
        using var firstResponse = await http.SendAsync(first);
        var page = await firstResponse.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();

        await using var ceiling = await ServerLoadTest.BareKestrelAsync(page);
        using var wireMock = WireMockServer.Start();
        wireMock.Given(Request.Create().WithPath(ListPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(page));
        var none = new Dictionary<string, string>();
        var targets = new (string Name, Uri Origin, string Script)[]
        {
            ("ceiling", new Uri(ceiling.Urls.First()), Wrk.WriteScript(directory, "ceiling", ["/page"], none)),
            ("zoomqos", address, Wrk.WriteScript(directory, "zoomqos", [.. pages.Select(p => p.PathAndQuery)], new Dictionary<string, string> { ["Authorization"] = "Bearer " + token })),
            ("wiremock", new Uri(wireMock.Url!), Wrk.WriteScript(directory, "wiremock", [ListPath + "?type=past&page_size=10"], none)),
        };

        var results = targets.ToDictionary(t => t.Name, _ => new List<Wrk.Result>());
        long peakAll = 0, peakOwn = 0;
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, origin, script) in targets)
            {
                using var sampling = new CancellationTokenSource();
                var sampler = name == "zoomqos" ? SampleAsync(server.Id, sampling.Token) : Task.FromResult((0L, 0L));
                var result = await Wrk.RunAsync(wrk, origin, script, Connections, round == 0 ? Math.Min(3, seconds) : seconds);
                await sampling.CancelAsync();
                var (all, own) = await sampler;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: {name,-8} {result.RequestsPerSecond,8:N0} pages/s, p99 {result.P99Ms,6:0.0} ms, {result.Requests:N0} requests, {result.Errors} errors{(name == "zoomqos" ? string.Create(CultureInfo.InvariantCulture, $"; server VmRSS {all / 1048576.0:0} MB, RssAnon {own / 1048576.0:0} MB") : string.Empty)}"));
                if (round > 0)
                {
                    results[name].Add(result);
                    (peakAll, peakOwn) = (Math.Max(peakAll, all), Math.Max(peakOwn, own));
                }
            }
        }

        // Ratios within a round (the three ran back to back), then their medians.
        var toCeiling = Median(results["zoomqos"].Zip(results["ceiling"], (ours, top) => ours.RequestsPerSecond / top.RequestsPerSecond));
        var toWireMock = Median(results["zoomqos"].Zip(results["wiremock"], (ours, mock) => ours.RequestsPerSecond / mock.RequestsPerSecond));
        var ours = Median(results["zoomqos"].Select(r => r.RequestsPerSecond));
        var p99 = results["zoomqos"].Max(r => r.P99Ms);
        var errors = results.Values.SelectMany(r => r).Sum(r => r.Errors);
        var pageKb = page.Length / 1024.0;
        var mockToCeiling = Median(results["wiremock"].Zip(results["ceiling"], (mock, top) => mock.RequestsPerSecond / top.RequestsPerSecond));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"WireMock.Net / the ceiling: {mockToCeiling:0.00} (median of the rounds), so 1.5x WireMock is {1.5 * mockToCeiling:0.00} of the ceiling"));
        return
        [
            new PeerRow($"serve the list page ({pageKb:N0} KB, 101 pages), wrk, {Connections} connections", $"{ours:N0} pages/s, p99 {p99:0.0} ms", $"bare Kestrel, page 1 from memory: {Median(results["ceiling"].Select(r => r.RequestsPerSecond)):N0}/s", $"{toCeiling:0.00} of the ceiling", ">= 0.70, p99 <= 50 ms", toCeiling >= 0.70 && p99 <= 50 && errors == 0),
            new PeerRow("the same, against WireMock.Net", $"{ours:N0} pages/s", $"WireMock.Net, page 1 canned: {Median(results["wiremock"].Select(r => r.RequestsPerSecond)):N0}/s", $"{toWireMock:0.00}x WireMock", ">= 1.5x", toWireMock >= 1.5),
            new PeerRow("the server's memory under that load", $"VmRSS {peakAll / 1048576.0:0} MB (RssAnon {peakOwn / 1048576.0:0} MB)", "-", "-", "<= 200 MB", peakAll <= 200L * 1024 * 1024),
        ];
    }

    // The highest VmRSS and RssAnon read every 200 ms until cancelled.
    private static async Task<(long All, long Own)> SampleAsync(int pid, CancellationToken stop)
    {
        long all = 0, own = 0;
        while (!stop.IsCancellationRequested)
        {
            var (anonymous, resident) = ProcessMemory.Read(pid);
            (all, own) = (Math.Max(all, resident), Math.Max(own, anonymous));
            await Task.Delay(TimeSpan.FromMilliseconds(200), stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return (all, own);
    }

    private static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

    [GeneratedRegex(@"listening on (http://\S+?)/? ")]
    private static partial Regex Listening();
}
