using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Server.Faults;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>); its tests run one at a time and only read it.</remarks>
public sealed class FetchCommandTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Fetch_ndjson_writes_every_session_json_equal_to_the_servers_and_import_then_serve_gives_the_same_pages()
    {
        var run = await _cli.RunAsync("fetch", "81234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1003, lines.Length);
        var expected = await StoreReading.SessionsAsync(_cli.ServerStore, "demo", "81234567890");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var node = JsonNode.Parse(line)!;
            var userId = node["user_id"]!.GetValue<string>();
            Assert.True(seen.Add(userId), $"session {userId} twice");
            Assert.True(JsonNode.DeepEquals(expected[userId], node), $"session {userId} differs");
        }

        Assert.Contains("1,003 sessions in 101 pages", run.Stderr, StringComparison.Ordinal);

        // Round trip through the lingua franca: import into an empty store, serve it, compare every page.
        var file = _cli.PathOf("allhands.ndjson");
        await File.WriteAllBytesAsync(file, run.StdoutBytes);
        var uuid = await StoreReading.UuidOfAsync(_cli.ServerStore, "demo", "81234567890");
        var imported = _cli.PathOf("imported.db");
        var import = await _cli.RunAsync("import", file, "--store", "sqlite:" + imported, "--account", "demo", "--webinar", "81234567890", "--instance", uuid);
        Assert.True(import.ExitCode == 0, import.ToString());
        await using (var store = QosStores.Open("sqlite:" + imported))
        {
            await store.InitializeAsync();
            await store.UpsertAppAsync(new ApiApp("roundtrip-client", "demo", ["dashboard_webinars:read:admin"]), "roundtrip-secret");
        }

        var second = await _cli.StartServerAsync(o => o with { Store = "sqlite:" + imported, SeedDemo = false });
        var original = await PagesAsync(_cli.Server, "demo-client-id", "demo-client-secret");
        var served = await PagesAsync(second, "roundtrip-client", "roundtrip-secret");
        Assert.Equal(101, original.Count);
        Assert.Equal(original.Count, served.Count);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(original[i], served[i]), $"page {i + 1} differs");
        }
    }

    [Fact]
    public async Task Raw_prints_each_status_and_body_and_the_headers_of_a_failure()
    {
        var ok = await _cli.RunAsync("fetch", "81234567894", "--type", "past", "--raw");
        var failed = await _cli.RunAsync("fetch", "99999999999", "--type", "past", "--raw");

        Assert.True(ok.ExitCode == 0, ok.ToString());
        var lines = ok.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("HTTP 200 OK GET /v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10", lines[0], StringComparison.Ordinal);
        Assert.Equal(10, JsonNode.Parse(lines[1])!["participants"]!.AsArray().Count);
        Assert.Equal(2, JsonNode.Parse(lines[3])!["participants"]!.AsArray().Count);
        Assert.DoesNotContain("access_token", ok.Stdout, StringComparison.Ordinal);

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("HTTP 404 Not Found GET", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("x-zm-trackingid:", failed.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":3001", failed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_to_a_file_writes_every_response_and_keeps_the_file_of_a_failure()
    {
        var okPath = _cli.PathOf("raw.txt");
        var failedPath = _cli.PathOf("raw-failed.txt");

        var ok = await _cli.RunAsync("fetch", "81234567894", "--type", "past", "--rate-plan", "none", "--raw", "--output", okPath);
        var failed = await _cli.RunAsync("fetch", "99999999999", "--type", "past", "--rate-plan", "none", "--raw", "-o", failedPath);

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.DoesNotContain("   at ", ok.Stderr, StringComparison.Ordinal);
        Assert.Empty(ok.Stdout);
        var lines = (await File.ReadAllLinesAsync(okPath)).Where(l => l.Length > 0).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("HTTP 200 OK GET /v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(lines[3])!["participants"]!.AsArray().Count);

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.DoesNotContain("   at ", failed.Stderr, StringComparison.Ordinal);
        var transcript = await File.ReadAllTextAsync(failedPath);
        Assert.StartsWith("HTTP 404 Not Found GET", transcript, StringComparison.Ordinal);
        Assert.Contains("x-zm-trackingid:", transcript, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("""{"code":3001,"message":"This webinar's detail is not available""", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_codes_say_what_went_wrong_in_one_line()
    {
        var badFlag = await _cli.RunAsync("fetch", "81234567890", "--format", "xml");
        var badPageSize = await _cli.RunAsync("fetch", "81234567890", "--page-size", "11");
        var badSecret = await CliHarness.RunAsync(["fetch", "81234567890", "--type", "past"], CliHarness.DemoEnvironment(_cli.Server, secret: "wrong-secret"));
        var badToken = await _cli.RunAsync("fetch", "81234567890", "--type", "past", "--access-token", "not-a-token");
        var unknown = await _cli.RunAsync("fetch", "99999999999", "--type", "past");
        var noCredentials = await CliHarness.RunAsync(["fetch", "81234567890"], new Dictionary<string, string> { ["ZOOMQOS_BASE_URL"] = _cli.Server.ApiBaseAddress.AbsoluteUri });
        var daily = await _cli.StartServerAsync(o => o with { SeedDemo = false, Faults = FaultSpec.Parse("429-daily:100") });
        var limited = await CliHarness.RunAsync(["fetch", "81234567890", "--type", "past"], CliHarness.DemoEnvironment(daily));

        Assert.True(badFlag.ExitCode == 2, badFlag.ToString());
        Assert.True(badPageSize.ExitCode == 2, badPageSize.ToString());
        Assert.Contains("--page-size must be from 1 to 10", badPageSize.Stderr, StringComparison.Ordinal);
        AssertOneLine(badSecret, 1, "Invalid client_id or client_secret");
        Assert.DoesNotContain("wrong-secret", badSecret.Stderr, StringComparison.Ordinal);
        AssertOneLine(badToken, 1, "Zoom code 124");
        Assert.DoesNotContain("not-a-token", badToken.Stderr, StringComparison.Ordinal);
        AssertOneLine(unknown, 1, "Zoom code 3001");
        AssertOneLine(noCredentials, 2, "ZOOM_ACCOUNT_ID");
        AssertOneLine(limited, 3, "Daily-limit");
        Assert.All([badSecret, badToken, unknown, limited], r => Assert.Empty(r.Stdout));
    }

    [Fact]
    public async Task Verbose_prints_the_request_trail_without_secrets_or_tokens()
    {
        var run = await _cli.RunAsync("fetch", "81234567894", "--type", "past", "--format", "ndjson", "--verbose");

        Assert.True(run.ExitCode == 0, run.ToString());
        var trail = run.Stderr.Split('\n').Where(l => l.Contains(" -> ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, trail.Count); // the token, two pages
        Assert.StartsWith("zoomqos: POST /oauth/token?grant_type=account_credentials&account_id=demo -> 200 tracking ", trail[0], StringComparison.Ordinal);
        Assert.Matches(@"^zoomqos: GET /v2/metrics/webinars/81234567894/participants/qos\?type=past&page_size=10&next_page_token=.{8}… -> 200 tracking \S+ in \d+ ms, waited \d+ ms$", trail[2]);
        Assert.DoesNotContain("demo-client-secret", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ey", string.Join('\n', trail).Replace("next_page_token=ey", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_fetch_leaves_no_output_file_and_keeps_an_existing_one()
    {
        var target = _cli.PathOf("keep.csv");
        await File.WriteAllTextAsync(target, "previous good export\n");

        var run = await _cli.RunAsync("fetch", "99999999999", "--type", "past", "--format", "csv", "--output", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("previous good export\n", await File.ReadAllTextAsync(target));
        Assert.Single(Directory.GetFiles(_cli.Directory, "*keep.csv*"));
    }

    [Fact]
    public async Task Every_command_has_help_with_an_example()
    {
        // Every command the root has, down to the leaves of groups such as `apps`, so that a new one without an example fails here.
        var root = ZoomQosCli.CreateRoot(new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, OpenStandardOutput = () => Stream.Null });
        var commands = Leaves(root.Subcommands, []).ToList();
        Assert.Equal(
            ["demo", "fetch", "report", "watch", "archive", "import", "trends", "simulate", "doctor", "serve", "apps add", "apps list", "apps remove", "users add", "users list", "users remove"],
            commands.Select(c => string.Join(' ', c)));
        foreach (var command in commands)
        {
            var run = await _cli.RunAsync([.. command, "--help"]);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"zoomqos {string.Join(' ', command)} ", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
        }

        static IEnumerable<string[]> Leaves(IEnumerable<System.CommandLine.Command> commands, string[] path) =>
            commands.SelectMany(c => c.Subcommands.Count == 0 ? [[.. path, c.Name]] : Leaves(c.Subcommands, [.. path, c.Name]));
    }

    private static void AssertOneLine(CliRun run, int code, string text)
    {
        Assert.True(run.ExitCode == code, run.ToString());
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length is 1 or 2, run.ToString()); // the message, and for usage errors the help hint
        Assert.Contains(text, lines[0], StringComparison.Ordinal);
    }

    private static async Task<List<JsonNode>> PagesAsync(ZoomQos.Server.ZoomQosServer server, string clientId, string secret)
    {
        using var http = new HttpClient();
        var token = await DemoTokens.RequestAsync(http, server.BaseAddress, clientId, secret);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var pages = new List<JsonNode>();
        var next = string.Empty;
        do
        {
            var page = JsonNode.Parse(await http.GetStringAsync(new Uri(server.ApiBaseAddress + "/metrics/webinars/81234567890/participants/qos?type=past&page_size=10&next_page_token=" + Uri.EscapeDataString(next))))!;
            next = page["next_page_token"]!.GetValue<string>();
            page.AsObject().Remove("next_page_token"); // signed with each server's own key
            pages.Add(page);
        }
        while (next.Length > 0);
        return pages;
    }
}
