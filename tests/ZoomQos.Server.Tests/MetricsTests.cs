using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using ZoomQos.Server.Faults;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Telemetry;
using ZoomQos.Server.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>
/// <c>/metrics</c>: a Prometheus scrape after a walk with 429s injected finds the walk's pages, one rejection per
/// injected 429, the tokens issued and the page token refused; it answers loopback only, or the bearer when a token is set.
/// </summary>
/// <remarks>
/// OpenTelemetry listens to a meter by its name in the whole process, so a server counts what every server of the
/// process serves: these tests run alone (their collection is not parallel), each on a server of its own.
/// </remarks>
[Collection(nameof(MetricsTests))]
public sealed partial class MetricsTests : IAsyncLifetime
{
    private const string Webinar = "/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-metrics-tests-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_scrape_after_a_walk_with_faults_counts_its_pages_rejections_and_tokens()
    {
        await using var server = await StartAsync(o => o with { Faults = FaultSpec.Parse("429:50") });
        using var api = new ZoomApi(server.BaseAddress);
        var token = await api.TokenAsync();
        _ = await api.TokenAsync();

        // Walk the webinar (12 sessions, 2 pages) eight times, each page until it is not a 429.
        var (pages, rows, rejected) = (0, 0, 0);
        for (var walk = 0; walk < 8; walk++)
        {
            var next = string.Empty;
            while (true)
            {
                var page = await api.GetAsync(Webinar + (next.Length > 0 ? "&next_page_token=" + next : string.Empty), token);
                if (page.Status == HttpStatusCode.TooManyRequests)
                {
                    rejected++;
                    continue;
                }

                Assert.Equal(HttpStatusCode.OK, page.Status);
                pages++;
                rows += page.Json!["participants"]!.AsArray().Count;
                next = page.Json["next_page_token"]!.GetValue<string>();
                if (next.Length == 0)
                {
                    break;
                }
            }
        }

        HttpStatusCode refused;
        while ((refused = (await api.GetAsync(Webinar + "&next_page_token=not-one-of-ours", token)).Status) == HttpStatusCode.TooManyRequests)
        {
            rejected++;
        }

        var scrape = await api.GetAsync(ServerTelemetry.MetricsPath, null);

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(HttpStatusCode.OK, scrape.Status);
        Assert.StartsWith("text/plain", scrape.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal((16, 96), (pages, rows));
        Assert.True(rejected > 0, "with half the requests answered 429, 17 pages met none");
        Assert.Equal(pages, Sample(scrape.Text, "zoomqos_server_pages_total", "endpoint=\"dashboardWebinarParticipantsQOS\""));
        Assert.Equal(rows, Sample(scrape.Text, "zoomqos_server_rows_total", "endpoint=\"dashboardWebinarParticipantsQOS\""));
        Assert.Equal(rejected, Sample(scrape.Text, "zoomqos_server_rate_limit_rejections_total", "category=\"heavy\"", "kind=\"qps\"", "source=\"injected\""));
        Assert.Equal(2, Sample(scrape.Text, "zoomqos_server_tokens_issued_total"));
        Assert.Equal(1, Sample(scrape.Text, "zoomqos_server_page_tokens_refused_total"));
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limiter_s_rejections_and_refused_tokens_are_counted_by_kind()
    {
        await using var server = await StartAsync(o => o with { RateLimits = true });
        using var api = new ZoomApi(server.BaseAddress);
        var token = await api.TokenAsync();
        var wrong = await api.OAuthAsync("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "not-the-secret");
        var answers = await Task.WhenAll(Enumerable.Range(0, 45).Select(_ => api.GetAsync(Webinar, token)));

        var scrape = await api.GetAsync(ServerTelemetry.MetricsPath, null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        var limited = answers.Count(a => a.Status == HttpStatusCode.TooManyRequests);
        Assert.True(limited > 0, "45 requests at once under a limit of 40 a second met no 429");
        Assert.Equal(limited, Sample(scrape.Text, "zoomqos_server_rate_limit_rejections_total", "kind=\"qps\"", "source=\"limiter\""));
        Assert.Equal(1, Sample(scrape.Text, "zoomqos_server_tokens_refused_total", "error=\"invalid_client\""));
    }

    [Fact]
    public async Task With_a_metrics_token_a_scrape_without_it_is_refused()
    {
        await using var server = await StartAsync(o => o with { MetricsToken = "scrape-secret" });
        using var api = new ZoomApi(server.BaseAddress);

        var none = await api.GetAsync(ServerTelemetry.MetricsPath, null);
        var wrong = await api.GetAsync(ServerTelemetry.MetricsPath, "scrape-secreT");
        var right = await api.GetAsync(ServerTelemetry.MetricsPath, "scrape-secret");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (none.Status, wrong.Status, right.Status));
        Assert.DoesNotContain("scrape-secret", none.Text + wrong.Text, StringComparison.Ordinal);
        Assert.Contains("zoomqos_server_page_slots_in_use", right.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_server_metric_the_grafana_dashboard_charts_is_in_a_scrape_after_a_walk_and_an_ingestion()
    {
        await using var server = await StartAsync(o => o with { RateLimits = true });
        using var api = new ZoomApi(server.BaseAddress);
        var page = await api.GetAsync(Webinar, await api.TokenAsync());
        var ingest = await api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");
        var instance = "/v2/ingest/instances/" + Uri.EscapeDataString(Uri.EscapeDataString("Metrics+Uuid/Test0000w=="));
        var put = await api.SendAsync(HttpMethod.Put, instance, ingest, new StringContent("""{"webinar_id":81234567998,"start_time":"2026-11-20T10:00:00Z","end_time":"2026-11-20T11:00:00Z"}""", System.Text.Encoding.UTF8, "application/json"));
        var merged = await api.SendAsync(HttpMethod.Post, instance + "/participants", ingest, Ndjson(page.Json!["participants"]![0]!.ToJsonString()));
        var refused = await api.SendAsync(HttpMethod.Post, instance + "/participants", ingest, Ndjson("{\"user_id\": "));
        _ = await api.GetAsync(Webinar + "&next_page_token=not-one-of-ours", await api.TokenAsync());
        _ = await api.OAuthAsync("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "wrong");
        var token = await api.TokenAsync();
        var burst = await Task.WhenAll(Enumerable.Range(0, 45).Select(_ => api.GetAsync(Webinar, token))); // over 40 a second: some 429s

        var scrape = await api.GetAsync(ServerTelemetry.MetricsPath, null);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.BadRequest), (put.Status, merged.Status, refused.Status));
        Assert.Contains(burst, a => a.Status == HttpStatusCode.TooManyRequests);
        var dashboard = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "grafana-zoomqos.json"));
        var charted = MetricName().Matches(dashboard).Select(m => m.Value).Where(n => !n.StartsWith("zoomqos_watch_", StringComparison.Ordinal) && !n.StartsWith("zoomqos_sync_", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var scraped = SampleLine().Matches(scrape.Text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(charted.Count >= 10, "the dashboard's queries were not read: " + string.Join(", ", charted));
        var missing = charted.Except(scraped).ToList();
        Assert.True(missing.Count == 0, "charted but not scraped: " + string.Join(", ", missing));
        Assert.Equal(1, Sample(scrape.Text, "zoomqos_server_ingestion_merges_total"));
        Assert.Equal(1, Sample(scrape.Text, "zoomqos_server_ingestion_lines_refused_total"));
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    [InlineData("10.1.2.3", 403)]
    [InlineData("192.168.0.7", 403)]
    [InlineData("2001:db8::5", 403)]
    public void Without_a_token_only_a_loopback_caller_may_scrape(string remote, int? refused)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(refused, ServerTelemetry.MayScrape(http, token: null));
    }

    private Task<ZoomQosServer> StartAsync(Func<ServerOptions, ServerOptions> configure) =>
        DemoServers.StartAsync("sqlite:" + Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), DemoServers.NewClock(), o => configure(o with { SeedDemo = true }));

    // The sum of a metric's samples whose labels include every one given.
    private static double Sample(string scrape, string name, params string[] labels) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static StringContent Ndjson(string text) => new(text, System.Text.Encoding.UTF8, "application/x-ndjson");

    // The metric names in the dashboard's queries (watch's and the sync's are checked where they are served: Cli.Tests).
    [GeneratedRegex(@"\b(zoomqos|http|kestrel|dotnet)_[a-z_]+[a-z]")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.e+-]+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}

[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsRunAlone;
