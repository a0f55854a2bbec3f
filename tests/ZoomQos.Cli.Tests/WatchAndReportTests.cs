using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ZoomQos.Cli.Tests;

public sealed class WatchAndReportTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Watch_alerts_once_per_episode_when_the_live_webinars_panelist_uplink_fails()
    {
        // The live demo webinar at 120 webinar minutes per real minute... per second: its presenter's uplink fails
        // at minute 40 of 120, which the clock reaches about 8 seconds after the start (it starts at minute 25).
        var server = await _cli.StartServerAsync(o => o with { Store = "sqlite:" + _cli.PathOf("live.db"), SeedDemo = true, TimeProvider = TimeProvider.System, DemoTimeScale = 120 });
        using var listener = new HttpListener();
        var port = FreePort();
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

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = await CliHarness.RunAsync(
            ["watch", "81234567891", "--interval", "1s", "--rate-plan", "none", "--alert-webhook", $"http://127.0.0.1:{port}/alerts/"],
            CliHarness.DemoEnvironment(server),
            cancellationToken: stop.Token);
        listener.Stop();
        await receiving;

        Assert.True(run.ExitCode == 130, run.ToString());
        var alerts = batches.SelectMany(b => b["alerts"]!.AsArray().Select(a => (At: DateTimeOffset.Parse(b["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Alert: a!))).ToList();
        var webinar = alerts.Where(a => a.Alert["kind"]!.GetValue<string>() == "webinar_poor").ToList();
        Assert.True(webinar.Count >= 1, run.Stderr);
        Assert.True(webinar[0].Alert["cause"]!.GetValue<string>().Contains("uplink", StringComparison.Ordinal), run.Stderr + string.Join("\n", webinar.Select(w => w.At + " " + w.Alert.ToJsonString())));
        var victims = alerts.Where(a => a.Alert["kind"]!.GetValue<string>() == "participant_poor" && a.Alert["cause"]?.GetValue<string>().Contains("uplink", StringComparison.Ordinal) == true).ToList();
        // How many victims' own alerts name the uplink depends on where the polls fall in the episode (a slow
        // machine polls less often); at least one must, beside the webinar's.
        Assert.True(victims.Count >= 1, $"{victims.Count} participant alerts name the uplink\n{run.Stderr}");

        // One episode, one alert: no key is alerted twice within the 10-minute cool-down.
        foreach (var key in alerts.GroupBy(a => a.Alert["key"]!.GetValue<string>()))
        {
            var times = key.Select(a => a.At).Order().ToList();
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 1] >= TimeSpan.FromMinutes(10), $"{key.Key} alerted at {times[i - 1]:HH:mm} and {times[i]:HH:mm}");
            }
        }
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

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
