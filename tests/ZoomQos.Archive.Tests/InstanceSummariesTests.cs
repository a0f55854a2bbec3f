using ZoomQos.Analysis;
using ZoomQos.Analysis.History;
using ZoomQos.Archive.Summaries;
using ZoomQos.Simulation;

namespace ZoomQos.Archive.Tests;

/// <summary>A stored summary says what the full analysis says, and is computed once per ended instance.</summary>
public sealed class InstanceSummariesTests(DemoArchive archive) : IClassFixture<DemoArchive>
{
    [Fact]
    public async Task The_latest_all_hands_summary_matches_its_full_analysis_and_names_the_presenters_uplink_first()
    {
        var allHands = archive.Demo.AllHands;
        var analyzer = new QosAnalyzer();
        foreach (var participant in allHands.Participants())
        {
            analyzer.Add(participant);
        }

        var analysis = analyzer.Complete();
        var stored = await archive.Store.GetSummaryAsync(DemoDataSet.AccountId, allHands.Instance.Uuid);
        var summary = InstanceSummaries.Read(stored!);
        var presenter = allHands.Faults.First(f => f.Kind == FaultKind.PanelistUplink).CauseUserId;

        Assert.Equal((analysis.Verdict, analysis.Participants, analysis.Poor, analysis.Fair, analysis.Good, analysis.Insufficient), (summary.Counts.Verdict, summary.Counts.Participants, summary.Counts.Poor, summary.Counts.Fair, summary.Counts.Good, summary.Counts.Insufficient));
        Assert.Equal(analysis.PoorShare, summary.Counts.PoorShare);
        Assert.Equal(CauseKind.PanelistUplink, summary.TopCauses[0].Kind);
        Assert.Equal(presenter, summary.TopCauses[0].CauseUserId);
        Assert.Equal(analysis.TopCauses.Take(InstanceSummary.TopCauseCount).Select(f => (f.Kind, f.CauseUserId, f.From, f.To)), summary.TopCauses.Select(c => (c.Kind, c.CauseUserId, c.From, c.To)));
        Assert.Equal(analysis.Breakdowns[Dimension.NetworkType], summary.Breakdowns[Dimension.NetworkType]);
        Assert.Equal(analysis.Poor, summary.PoorSessions.Count);
        Assert.Equal(allHands.Instance, stored!.Instance);
    }

    [Fact]
    public async Task Each_session_result_is_stored_with_its_verdict_and_cause_and_computing_again_changes_nothing()
    {
        var allHands = archive.Demo.AllHands;
        var outcomes = await archive.Store.ReadSessionOutcomesAsync(allHands.Instance.Uuid);
        var checksum = await archive.Store.ComputeChecksumAsync();

        var again = await InstanceSummaries.ComputeAsync(archive.Store, allHands.Instance, DemoArchive.Now.AddHours(1));

        Assert.Equal(allHands.SessionCount, outcomes.Count);
        Assert.Equal(again.Counts.Poor, outcomes.Count(o => o.Verdict == "poor"));
        Assert.Contains(outcomes, o => o.Verdict == "insufficient_data");
        Assert.All(outcomes.Where(o => o.CauseKind is not null), o => Assert.False(string.IsNullOrEmpty(o.Cause)));
        Assert.All(outcomes, o => Assert.Equal(PersonKey.Of(o.Name, o.Email), o.Person));
        Assert.Contains(outcomes, o => o.Person.Length == 0); // an external attendee with neither name nor email is nobody's
        Assert.Equal(checksum, await archive.Store.ComputeChecksumAsync());
    }

    [Fact]
    public async Task A_live_instance_gets_no_summary()
    {
        var live = archive.Demo.Live.Instance;

        await Assert.ThrowsAsync<ArgumentException>(() => InstanceSummaries.ComputeAsync(archive.Store, live, DemoArchive.Now));

        Assert.Null(await archive.Store.GetSummaryAsync(DemoDataSet.AccountId, live.Uuid));
    }
}
