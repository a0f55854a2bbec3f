using System.Text.Json.Nodes;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Tests;

/// <summary><c>zoomqos trends</c> over an archive of the demo server, made by <c>archive</c> as a user would.</summary>
/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>); the archive is made once, then only read.</remarks>
public sealed class TrendsCommandTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    private string Store => "sqlite:" + _cli.PathOf("trends.db");

    [Fact]
    public async Task The_all_hands_trend_lists_its_instances_in_date_order_in_every_format()
    {
        await ArchiveAsync();

        var table = await _cli.RunAsync("trends", "--store", Store, "--webinar", "81234567890");
        var json = await _cli.RunAsync("trends", "--store", Store, "--webinar", "81234567890", "--format", "json");
        var csv = await _cli.RunAsync("trends", "--store", Store, "--webinar", "81234567890", "--format", "csv");

        Assert.True(table.ExitCode == 0, table.ToString());
        var document = JsonNode.Parse(json.Stdout)!;
        var instances = document["instances"]!.AsArray();
        Assert.Equal(2, instances.Count); // the third all-hands began 182 days ago, before Zoom's six-month list reaches
        var starts = instances.Select(i => DateTimeOffset.Parse(i!["start_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(1003, instances[1]!["participants"]!.GetValue<int>());
        Assert.Contains("Frances Ritchie's uplink", instances[1]!["top_causes"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Webinar 81234567890 (Quarterly all-hands): 2 instances", table.Stdout, StringComparison.Ordinal);
        var lines = csv.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("start,webinar,topic,uuid,sessions,verdict,poor_pct,top_cause", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",1003,degraded,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_trend_and_a_participants_history_come_from_the_stored_summaries()
    {
        await ArchiveAsync();
        var person = await PoorAttendeeAsync();

        var account = await _cli.RunAsync("trends", "--store", Store, "--format", "json");
        var history = await _cli.RunAsync("trends", "--store", Store, "--participant", person.ToUpperInvariant(), "--format", "json");
        var nobody = await _cli.RunAsync("trends", "--store", Store, "--participant", "nobody@example.com");

        Assert.True(account.ExitCode == 0, account.ToString());
        var trend = JsonNode.Parse(account.Stdout)!;
        Assert.Equal(7, trend["instances"]!.AsArray().Count); // four webinars and three meetings
        var wifi = trend["breakdowns"]!["network_type"]!.AsArray().Single(g => g!["value"]!.GetValue<string>() == "Wifi")!;
        Assert.True(wifi["participants"]!.GetValue<int>() > 0);
        var regular = Assert.Single(trend["repeat_poor"]!.AsArray()); // the demo's regular on weak Wi-Fi, poor in all four
        Assert.Equal(DemoDataSet.Regulars[0].Email, regular!["person"]!.GetValue<string>());
        Assert.Equal(4, regular["instances"]!.AsArray().Count);
        var sessions = JsonNode.Parse(history.Stdout)!["sessions"]!.AsArray();
        Assert.Equal("poor", sessions.Single()!["verdict"]!.GetValue<string>().ToLowerInvariant());
        Assert.True(nobody.ExitCode == 0 && nobody.Stderr.Contains("no session of 'nobody@example.com'", StringComparison.Ordinal), nobody.ToString());
    }

    [Theory]
    [InlineData("both", "give --webinar or --participant, not both", 2)]
    [InlineData("bad-date", "--from must be a date as yyyy-mm-dd, not '2026-13-01'", 2)]
    [InlineData("reversed", "--from (2026-11-02) is after --to (2026-11-01)", 2)]
    [InlineData("account", "the store has no account 'nobody'", 1)]
    public async Task Bad_input_gets_one_clear_line(string kind, string message, int code)
    {
        await ArchiveAsync();
        string[] args = kind switch
        {
            "both" => ["--webinar", "81234567890", "--participant", "a@example.com"],
            "bad-date" => ["--from", "2026-13-01"],
            "reversed" => ["--from", "2026-11-02", "--to", "2026-11-01"],
            _ => ["--account", "nobody"],
        };

        var run = await _cli.RunAsync(["trends", "--store", Store, .. args]);

        Assert.True(run.ExitCode == code, run.ToString());
        Assert.Contains(message, run.Stderr.Split('\n')[0], StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    private async Task ArchiveAsync()
    {
        var from = DateTimeOffset.UtcNow.AddDays(-180).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var run = await _cli.RunAsync("archive", "--store", Store, "--from", from, "--rate-plan", "none");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private async Task<string> PoorAttendeeAsync()
    {
        await using var qos = QosStores.Open(Store);
        await qos.InitializeAsync();
        var latest = await qos.ResolveInstanceAsync("demo", "81234567890", Contracts.Qos.QosListType.Past);
        return (await qos.ReadSessionOutcomesAsync(latest!.Uuid)).First(o => o.Verdict == "poor" && o.Email.Length > 0 && DemoDataSet.Regulars.All(r => r.Email != o.Email)).Email;
    }
}
