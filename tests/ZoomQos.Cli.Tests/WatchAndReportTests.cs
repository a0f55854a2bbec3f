using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>); its tests run one at a time and only read it.</remarks>
public sealed class WatchAndReportTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Watch_serves_the_last_poll_s_figures_to_a_prometheus_scrape()
    {
        var server = await _cli.StartServerAsync(o => o with { Store = "sqlite:" + _cli.PathOf("live-metrics.db"), SeedDemo = true });
        var clock = new WaitWatchingClock(_cli.ServerTime, TimeSpan.FromSeconds(45));
        var port = FreePorts.Next();
        using var stop = new CancellationTokenSource();
        var running = CliHarness.RunAsync(
            ["watch", "81234567891", "--interval", "45s", "--rate-plan", "none", "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            CliHarness.DemoEnvironment(server),
            cancellationToken: stop.Token,
            time: clock);

        Assert.True(await clock.NextWaitAsync(running), "watch did not wait after its first poll: " + (running.IsCompleted ? await running : null));
        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        await stop.CancelAsync();
        var run = await running;

        // The one poll's line: "… 180 sessions, 2 poor now, …"; the scrape says the same.
        var line = Regex.Match(run.Stderr, @"(\d+) sessions, (\d+) poor now");
        Assert.True(line.Success, run.ToString());
        Assert.Contains($"zoomqos_watch_poor_now{{otel_scope_name=\"ZoomQos.Watch\",webinar_id=\"81234567891\"}} {line.Groups[2].Value}\n", scrape, StringComparison.Ordinal);
        Assert.Contains($"zoomqos_watch_sessions{{otel_scope_name=\"ZoomQos.Watch\",webinar_id=\"81234567891\"}} {line.Groups[1].Value}\n", scrape, StringComparison.Ordinal);
        var byCause = Regex.Matches(scrape, @"^zoomqos_watch_poor_by_cause\{[^}]*\} (\d+)$", RegexOptions.Multiline).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(line.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), byCause);
        Assert.Matches(@"zoomqos_watch_mos_p10\{[^}]*\} [1-4]\.\d+", scrape);
        Assert.Matches(@"zoomqos_watch_polls_total\{[^}]*\} 1\n", scrape);
        Assert.Contains("zoomqos_watch_last_poll_seconds{", scrape, StringComparison.Ordinal); // every watch name deploy/grafana/zoomqos.json charts
        Assert.Contains($"Prometheus metrics at http://127.0.0.1:{port}/metrics", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_metrics_port_is_refused_with_once_and_out_of_range()
    {
        var once = await _cli.RunAsync("watch", "81234567891", "--once", "--metrics-port", "9464");
        var range = await _cli.RunAsync("watch", "81234567891", "--metrics-port", "70000");

        Assert.True(once.ExitCode == 2 && once.Stderr.Contains("does not go with --once", StringComparison.Ordinal), once.ToString());
        Assert.True(range.ExitCode == 2 && range.Stderr.Contains("1 to 65535", StringComparison.Ordinal), range.ToString());
    }

    [Fact]
    public async Task Watch_posts_each_new_alert_to_the_webhook_once_across_polls_and_stops_on_cancel()
    {
        // The server and the watch share a fake clock: the watch's 45 s wait (a due time nothing else uses) is
        // seen being set, and the clock is moved past it, three times; then the run is cancelled.
        var server = await _cli.StartServerAsync(o => o with { Store = "sqlite:" + _cli.PathOf("live.db"), SeedDemo = true });
        var clock = new WaitWatchingClock(_cli.ServerTime, TimeSpan.FromSeconds(45));
        using var listener = new HttpListener();
        var port = FreePorts.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/alerts/");
        listener.Start();
        var batches = new List<JsonNode>();
        var receiving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
                    lock (batches)
                    {
                        batches.Add(body);
                    }
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });

        using var stop = new CancellationTokenSource();
        var running = CliHarness.RunAsync(
            ["watch", "81234567891", "--interval", "45s", "--rate-plan", "none", "--alert-webhook", $"http://127.0.0.1:{port}/alerts/"],
            CliHarness.DemoEnvironment(server),
            cancellationToken: stop.Token,
            time: clock);
        for (var poll = 1; poll <= 3; poll++)
        {
            Assert.True(await clock.NextWaitAsync(running), "watch did not wait again: " + (running.IsCompleted ? await running : null));
            _cli.ServerTime.Advance(TimeSpan.FromSeconds(45));
        }

        Assert.True(await clock.NextWaitAsync(running), "watch did not wait again: " + (running.IsCompleted ? await running : null));
        await stop.CancelAsync();
        var run = await running;
        listener.Stop();
        await receiving;

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Equal(4, run.Stderr.Split('\n').Count(l => l.Contains("sessions,", StringComparison.Ordinal) && l.Contains("poor now", StringComparison.Ordinal)));
        Assert.NotEmpty(batches);
        var alerts = batches.SelectMany(b => b["alerts"]!.AsArray().Select(a => a!)).ToList();
        Assert.All(batches, b => Assert.Equal("81234567891", b["webinar_id"]!.GetValue<string>()));
        Assert.All(alerts, a => Assert.Matches("^(participant|webinar)_poor$", a["kind"]!.GetValue<string>()));
        // Four polls 45 s apart, well inside the 10-minute cool-down: each key at most once.
        Assert.Equal(alerts.Count, alerts.Select(a => a["key"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Report_from_a_file_and_from_a_store_agree_and_write_html_csv_and_json()
    {
        var ndjson = _cli.PathOf("allhands.ndjson");
        var fetch = await _cli.RunAsync("fetch", "81234567890", "--type", "past", "--format", "ndjson", "-o", ndjson, "--rate-plan", "none");
        Assert.True(fetch.ExitCode == 0, fetch.ToString());

        var fromFile = await _cli.RunAsync("report", "81234567890", "--from-file", ndjson, "--format", "json", "--html", _cli.PathOf("r.html"), "--csv", _cli.PathOf("r.csv"));
        var fromStore = await _cli.RunAsync("report", "81234567890", "--type", "past", "--store", "sqlite:" + _cli.ServerStore, "--account", "demo", "--format", "json");
        var table = await _cli.RunAsync("report", "81234567890", "--type", "past", "--rate-plan", "none");

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.True(fromStore.ExitCode == 0, fromStore.ToString());
        var a = JsonNode.Parse(fromFile.Stdout)!["analysis"]!;
        var b = JsonNode.Parse(fromStore.Stdout)!["analysis"]!;
        Assert.Equal("Degraded", a["verdict"]!.GetValue<string>());
        Assert.Equal("PanelistUplink", a["findings"]![0]!["kind"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(a, b), "the file and the store gave different analyses");
        Assert.Equal(1004, (await File.ReadAllLinesAsync(_cli.PathOf("r.csv"))).Length);
        var html = await File.ReadAllTextAsync(_cli.PathOf("r.html"));
        Assert.Contains("<canvas id=\"chart-timeline\">", html, StringComparison.Ordinal);
        // The document goes into the page once, as the JSON island the script renders from: the same analysis as --format json.
        const string Island = "<script type=\"application/json\" id=\"report-data\">";
        var data = html[(html.IndexOf(Island, StringComparison.Ordinal) + Island.Length)..];
        var island = JsonNode.Parse(data[..data.IndexOf("</script>", StringComparison.Ordinal)])!;
        Assert.True(JsonNode.DeepEquals(a, island["analysis"]), "the HTML report's data differs from the JSON report");
        Assert.Equal(1, html.Split(Island).Length - 1);
        Assert.DoesNotContain("cdn", html.Replace("cdnjs", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Degraded", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Top causes", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. The panelist", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ten worst participants", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_refuses_a_bad_thresholds_file_and_a_bad_preset_as_usage_errors()
    {
        var file = _cli.PathOf("thresholds.json");
        await File.WriteAllTextAsync(file, """{"latency_poor": 300}""");

        var badFile = await _cli.RunAsync("report", "81234567890", "--type", "past", "--thresholds", file);
        var badPreset = await _cli.RunAsync("report", "81234567890", "--preset", "strict");
        var missing = await _cli.RunAsync("report", "81234567890", "--from-file", _cli.PathOf("none.ndjson"));

        Assert.True(badFile.ExitCode == 2, badFile.ToString());
        Assert.Contains("Unknown threshold 'latency_poor'", badFile.Stderr, StringComparison.Ordinal);
        Assert.True(badPreset.ExitCode == 2, badPreset.ToString());
        Assert.True(missing.ExitCode == 2, missing.ToString());
    }

    [Fact]
    public async Task Demo_prints_the_verdict_causes_and_worst_participants_and_writes_the_report()
    {
        var html = _cli.PathOf("demo.html");

        var run = await CliHarness.RunAsync(["demo", "--html", html], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Webinar 81234567890 (past): Degraded", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. The panelist", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ten worst participants", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1,003 sessions fetched over HTTP", run.Stderr, StringComparison.Ordinal);
        Assert.True(new FileInfo(html).Length > 300_000);
    }
}
