using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Tests;

/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>); its tests run one at a time and only read it.</remarks>
public sealed class StoreCommandsTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Import_of_a_file_with_a_bad_line_names_the_line_and_writes_nothing()
    {
        var fetch = await _cli.RunAsync("fetch", "81234567894", "--type", "past", "--format", "ndjson");
        var lines = fetch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(7, "{\"user_id\": \"1\", \"user_qos\": [");
        var file = _cli.PathOf("bad.ndjson");
        await File.WriteAllLinesAsync(file, lines);
        var store = _cli.PathOf("import.db");
        await using (var qos = QosStores.Open("sqlite:" + store))
        {
            await qos.InitializeAsync();
        }

        string checksum;
        await using (var qos = QosStores.Open("sqlite:" + store))
        {
            checksum = await qos.ComputeChecksumAsync();
        }

        var run = await _cli.RunAsync("import", file, "--store", "sqlite:" + store, "--account", "demo", "--webinar", "81234567894", "--instance", "bad-import==");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("line 8:", run.Stderr, StringComparison.Ordinal);
        await using (var qos = QosStores.Open("sqlite:" + store))
        {
            Assert.Equal(checksum, await qos.ComputeChecksumAsync());
        }
    }

    [Fact]
    public async Task Import_twice_changes_nothing_the_second_time()
    {
        var fetch = await _cli.RunAsync("fetch", "81234567894", "--type", "past", "--format", "ndjson", "-o", _cli.PathOf("twelve.ndjson"));
        Assert.True(fetch.ExitCode == 0, fetch.ToString());
        string[] import = ["import", _cli.PathOf("twelve.ndjson"), "--store", "sqlite:" + _cli.PathOf("twice.db"), "--account", "acme", "--webinar", "81234567894", "--instance", "twice=="];

        var first = await _cli.RunAsync(import);
        var second = await _cli.RunAsync(import);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("12 sessions and", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("0 sessions and 0 samples written, 12 sessions unchanged", second.Stderr, StringComparison.Ordinal);
        await using var qos = QosStores.Open("sqlite:" + _cli.PathOf("twice.db"));
        var instance = await qos.ResolveInstanceAsync("acme", "81234567894", QosListType.Past);
        Assert.NotNull(instance);
        Assert.Equal(12, await qos.CountParticipantsAsync(instance.Uuid));
    }

    [Fact]
    public async Task Simulate_into_a_store_then_serve_and_fetch_it()
    {
        var store = "sqlite:" + _cli.PathOf("sim.db");
        var simulate = await _cli.RunAsync("simulate", "--store", store, "--participants", "40", "--minutes", "10", "--seed", "9", "--faults");
        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        var uuid = simulate.Stdout.Trim();
        Assert.Contains("webinar 85000000009", simulate.Stderr, StringComparison.Ordinal);

        var again = await _cli.RunAsync("simulate", "--output", _cli.PathOf("sim.ndjson"), "--participants", "40", "--minutes", "10", "--seed", "9", "--faults");
        Assert.Equal(uuid, again.Stdout.Trim());

        var server = await _cli.StartServerAsync(o => o with { Store = store, SeedDemo = true });
        var fetch = await CliHarness.RunAsync(["fetch", uuid, "--type", "past", "--format", "ndjson", "--rate-plan", "none"], CliHarness.DemoEnvironment(server));
        Assert.True(fetch.ExitCode == 0, fetch.ToString() + simulate);
        var fetched = fetch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        var written = (await File.ReadAllLinesAsync(_cli.PathOf("sim.ndjson"))).Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written.Count, fetched.Count);
        Assert.Contains($"{written.Count} sessions over 10 minutes", simulate.Stderr, StringComparison.Ordinal);
        Assert.Equal(written, fetched);
    }

    [Fact]
    public async Task Simulate_without_a_destination_is_a_usage_error()
    {
        var run = await _cli.RunAsync("simulate");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--store STORE and/or --output", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_passes_a_good_setup_and_names_the_fix_for_each_bad_one()
    {
        var good = await _cli.RunAsync("doctor");
        var noScope = await CliHarness.RunAsync(["doctor"], CliHarness.DemoEnvironment(_cli.Server, "demo-noscope-client-id", "demo-noscope-client-secret"));
        var noPlan = await CliHarness.RunAsync(["doctor"], CliHarness.DemoEnvironment(_cli.Server, "demo-pro-client-id", "demo-pro-client-secret", "demo-pro"));
        var wrong = await CliHarness.RunAsync(["doctor"], CliHarness.DemoEnvironment(_cli.Server, secret: "nope-nope"));
        var missing = await CliHarness.RunAsync(["doctor"], new Dictionary<string, string> { ["ZOOM_ACCOUNT_ID"] = "demo" });
        var limited = await _cli.StartServerAsync(o => o with { SeedDemo = false, RateLimits = true });
        var withHeaders = await CliHarness.RunAsync(["doctor"], CliHarness.DemoEnvironment(limited));

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("doctor: all checks passed", good.Stdout, StringComparison.Ordinal);
        Assert.True(noScope.ExitCode == 1, noScope.ToString());
        Assert.Contains("FAIL  scopes", noScope.Stdout, StringComparison.Ordinal);
        Assert.Contains("dashboard_webinars:read:admin", noScope.Stdout, StringComparison.Ordinal);
        Assert.True(noPlan.ExitCode == 1, noPlan.ToString());
        Assert.Contains("FAIL  plan", noPlan.Stdout, StringComparison.Ordinal);
        Assert.True(wrong.ExitCode == 1, wrong.ToString());
        Assert.Contains("FAIL  token", wrong.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("nope-nope", wrong.Stdout + wrong.Stderr, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET not set", missing.Stdout, StringComparison.Ordinal);
        Assert.True(withHeaders.ExitCode == 0, withHeaders.ToString());
        Assert.True(good.ExitCode == 0, withHeaders.Stdout);
        Assert.Matches(@"ok    rate limit   \d+ of \d+ Resource-intensive requests left", withHeaders.Stdout);
    }
}
