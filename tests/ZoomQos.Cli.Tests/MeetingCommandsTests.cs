using System.Text.Json.Nodes;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>--meeting</c> on fetch, report, watch and archive, against the demo server's "Weekly engineering sync" (its sharer's
/// uplink fails for six minutes) and its live meeting; Zoom's own Node SDK walking the same meeting; and <c>--sub-account</c>,
/// the same meeting read with its master account's credentials (one seeded server for all of them).
/// </summary>
public sealed class MeetingCommandsTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private const string Weekly = "85234567890";
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Report_meeting_names_the_sharing_participants_uplink_as_the_top_cause()
    {
        var planted = DemoDataSet.Create(_cli.ServerTime.GetUtcNow()).WeeklySync.Faults.Single(f => f.Kind == FaultKind.SenderUplink);

        var json = await _cli.RunAsync("report", "--meeting", Weekly, "--type", "past", "--format", "json", "--rate-plan", "none");
        var table = await _cli.RunAsync("report", "--meeting", Weekly, "--type", "past", "--rate-plan", "none");

        Assert.True(json.ExitCode == 0, json.ToString());
        var document = JsonNode.Parse(json.Stdout)!;
        var top = document["analysis"]!["top_causes"]![0]!;
        var finding = document["analysis"]!["findings"]![0]!;
        Assert.True(document["meeting"]!.GetValue<bool>());
        Assert.Equal("SenderUplink", top["kind"]!.GetValue<string>());
        Assert.Equal(("SenderUplink", planted.CauseUserId), (finding["kind"]!.GetValue<string>(), finding["cause_user_id"]!.GetValue<string>()));
        Assert.EndsWith("'s uplink, sharing their screen", top["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.StartsWith($"Meeting {Weekly} (past)", table.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("1. " + top["title"]!.GetValue<string>(), table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(panelist)", table.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Fetch_meeting_walks_every_session_and_zooms_node_sdk_walks_the_same()
    {
        var fetched = await _cli.RunAsync("fetch", "--meeting", Weekly, "--type", "past", "--format", "ndjson", "--rate-plan", "none");
        Assert.True(fetched.ExitCode == 0, fetched.ToString());
        var ours = fetched.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        var rivet = await RivetPeer.WalkAsync(_cli.Server.ApiBaseAddress, _cli.Server.TokenAddress, "demo", "demo-client-id", "demo-client-secret", Weekly, meeting: true);

        Assert.True(rivet.ExitCode == 0, rivet.Stderr);
        var theirs = rivet.Ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(30, ours.Count);
        Assert.Equal(ours.Count, theirs.Count);
        Assert.All(ours.Zip(theirs), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), pair.Second.ToJsonString()));
        Assert.Contains("3 pages", rivet.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_meeting_once_judges_the_live_meeting()
    {
        var watched = await _cli.RunAsync("watch", "--meeting", "85234567891", "--once", "--rate-plan", "none");

        Assert.True(watched.ExitCode == 0, watched.ToString());
        Assert.Contains("Meeting 85234567891: ", watched.Stdout, StringComparison.Ordinal);
        Assert.Contains("12 sessions", watched.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_meeting_stores_the_meetings_instances_as_meetings_and_a_webinar_id_given_as_a_meeting_is_not_found()
    {
        var store = "sqlite:" + _cli.PathOf("meetings.db");

        var archived = await _cli.RunAsync("archive", "--meeting", Weekly, "--store", store, "--rate-plan", "none");
        var wrongKind = await _cli.RunAsync("archive", "--meeting", "81234567890", "--store", store, "--rate-plan", "none");

        Assert.True(archived.ExitCode == 0, archived.ToString());
        Assert.Contains("3 instances", archived.Stderr, StringComparison.Ordinal);
        await using var qos = QosStores.Open(store);
        await qos.InitializeAsync();
        var latest = await qos.ResolveInstanceAsync("demo", Weekly, Contracts.Qos.QosListType.Past);
        Assert.Equal(QosEventKind.Meeting, latest!.Kind);
        Assert.Equal(30, await qos.CountParticipantsAsync(latest.Uuid));
        Assert.NotNull(await qos.GetSummaryAsync("demo", latest.Uuid));
        Assert.True(wrongKind.ExitCode == 0, wrongKind.ToString());
        Assert.Contains("no ended instance of meeting 81234567890", wrongKind.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fetch", "81234567890", "--meeting", Weekly)]
    [InlineData("report", "--type", "past")]
    public async Task A_webinar_and_a_meeting_at_once_or_neither_is_a_usage_error(params string[] args)
    {
        var run = await _cli.RunAsync([args[0], .. args[1..]]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--meeting ID", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Fetch_with_the_masters_credentials_and_sub_account_gets_what_the_sub_account_gets_and_no_other_account()
    {
        var master = CliHarness.DemoEnvironment(_cli.Server, "demo-master-client-id", "demo-master-client-secret", "demo-master");
        string[] fetch = ["fetch", "--meeting", "85234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "none"];

        var own = await _cli.RunAsync(fetch);
        var asMaster = await CliHarness.RunAsync([.. fetch, "--sub-account", "demo"], master);
        var withoutSub = await CliHarness.RunAsync(fetch, master);
        var notItsOwn = await CliHarness.RunAsync([.. fetch, "--sub-account", "demo-pro"], master);

        Assert.True(asMaster.ExitCode == 0, asMaster.ToString());
        Assert.Equal(own.Stdout, asMaster.Stdout);
        Assert.Equal(30, asMaster.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1, withoutSub.ExitCode);
        Assert.Contains("4711", withoutSub.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, notItsOwn.ExitCode);
        Assert.Contains("does not belong to this master account", notItsOwn.Stderr, StringComparison.Ordinal);
        Assert.Empty(notItsOwn.Stdout);
    }
}
