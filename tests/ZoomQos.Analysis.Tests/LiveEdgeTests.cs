using ZoomQos.Simulation;

namespace ZoomQos.Analysis.Tests;

public sealed class LiveEdgeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void A_panelist_episode_is_named_from_its_first_minute_at_the_live_edge(int minutesIn)
    {
        var demo = DemoDataSet.Create(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var planted = demo.Live.Faults.Single(f => f.Kind == FaultKind.PanelistUplink);
        var now = planted.From.AddMinutes(minutesIn);
        var from = now.AddMinutes(-4);
        var analyzer = new QosAnalyzer(seriesFor: 0, window: AnalysisWindow.LiveUntil(now));
        foreach (var session in demo.Live.SnapshotAt(now).Where(p => p.LeaveTime.Value is null || p.LeaveTime.Value >= from))
        {
            analyzer.Add(session with { UserQos = [.. (session.UserQos ?? []).Where(s => s.DateTime.Value >= from)] });
        }

        var analysis = analyzer.Complete();

        var top = analysis.Findings[0];
        Assert.Equal(CauseKind.PanelistUplink, top.Kind);
        Assert.Equal(planted.CauseUserId, top.CauseUserId);
        Assert.Equal(planted.From, top.From);
        Assert.Equal(now, top.To);
        Assert.True(top.AffectedUserIds.Count(planted.AffectedUserIds.Contains) >= 0.9 * planted.AffectedUserIds.Count);
        Assert.Equal(WebinarVerdict.Critical, analysis.Verdict);
    }

    [Fact]
    public void The_same_single_minute_at_the_end_of_an_ended_webinar_is_not_an_episode()
    {
        var demo = DemoDataSet.Create(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var planted = demo.Live.Faults.Single(f => f.Kind == FaultKind.PanelistUplink);
        var analyzer = new QosAnalyzer(seriesFor: 0);
        foreach (var session in demo.Live.SnapshotAt(planted.From))
        {
            analyzer.Add(session with { UserQos = [.. (session.UserQos ?? []).Where(s => s.DateTime.Value >= planted.From.AddMinutes(-4))] });
        }

        // The data end in the episode's first minute, as at the live edge, but the window says the webinar has ended.
        Assert.DoesNotContain(analyzer.Complete().Findings, f => f.Kind == CauseKind.PanelistUplink);
    }

    [Fact]
    public void A_single_minute_blip_inside_a_past_webinar_is_not_an_episode()
    {
        var demo = DemoDataSet.Create(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var planted = demo.Live.Faults.Single(f => f.Kind == FaultKind.PanelistUplink);
        var analyzer = new QosAnalyzer(seriesFor: 0);
        foreach (var session in demo.Live.SnapshotAt(planted.To.AddMinutes(5)))
        {
            // Keep the episode's first minute only, then minutes after it: a one-minute episode not at the edge.
            analyzer.Add(session with { UserQos = [.. (session.UserQos ?? []).Where(s => s.DateTime.Value <= planted.From || s.DateTime.Value > planted.To)] });
        }

        Assert.DoesNotContain(analyzer.Complete().Findings, f => f.Kind == CauseKind.PanelistUplink);
    }
}
