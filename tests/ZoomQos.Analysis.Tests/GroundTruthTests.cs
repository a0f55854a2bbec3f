using Xunit.Abstractions;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;

namespace ZoomQos.Analysis.Tests;

/// <summary>
/// The analysis against the simulator's ground truth. Precision and recall are counted over (cause, participant,
/// minute) triples: a planted fault contributes one triple per affected session and minute of its window, a
/// finding one per affected session and minute of its span. Reconnections in the truth include the simulator's
/// ordinary rejoins: they are reconnections too.
/// </summary>
public sealed class GroundTruthTests(ITestOutputHelper output)
{
    private static readonly Dictionary<FaultKind, CauseKind> Expected = new()
    {
        [FaultKind.PanelistUplink] = CauseKind.PanelistUplink,
        [FaultKind.WeakWifi] = CauseKind.WeakWifi,
        [FaultKind.HighCpu] = CauseKind.HighCpu,
        [FaultKind.SteadyLatency] = CauseKind.DistanceOrVpn,
        [FaultKind.BurstyLoss] = CauseKind.BurstyCongestion,
        [FaultKind.BandwidthStepDown] = CauseKind.BandwidthAdaptation,
        [FaultKind.Reconnection] = CauseKind.Reconnection,
        [FaultKind.AttendeeDownlink] = CauseKind.AttendeeDownlink,
        [FaultKind.SenderUplink] = CauseKind.SenderUplink,
    };

    [Theory]
    [InlineData(11, 300, 90)]
    [InlineData(23, 120, 60)]
    [InlineData(37, 600, 120)]
    [InlineData(4242, 80, 75)]
    public void Every_planted_fault_is_named_with_the_right_cause_participants_and_minutes(int seed, int attendees, int minutes)
    {
        var webinar = Simulate(seed, attendees, minutes, panelists: 2, faults: true);
        var analysis = Analyze(webinar);

        var (precision, recall) = Score(webinar, analysis, out var report);
        output.WriteLine($"seed {seed}, {attendees} attendees x {minutes} min: precision {precision:P1}, recall {recall:P1}");
        output.WriteLine(report);

        foreach (var fault in webinar.Faults)
        {
            Assert.Contains(analysis.Findings, f => f.Kind == Expected[fault.Kind] && f.CauseUserId == fault.CauseUserId && f.From <= fault.To && f.To >= fault.From);
        }

        Assert.True(precision >= 0.90, $"precision {precision:P1}\n{report}");
        Assert.True(recall >= 0.90, $"recall {recall:P1}\n{report}");
    }

    [Fact]
    public void The_demo_webinars_panelist_uplink_episode_is_the_top_cause()
    {
        var demo = DemoDataSet.Create(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var analysis = Analyze(demo.AllHands);

        var (precision, recall) = Score(demo.AllHands, analysis, out var report);
        output.WriteLine($"demo all-hands: precision {precision:P1}, recall {recall:P1}, verdict {analysis.Verdict}, poor {analysis.Poor} of {analysis.Participants}");
        output.WriteLine(report);

        var planted = demo.AllHands.Faults.Single(f => f.Kind == FaultKind.PanelistUplink);
        var top = analysis.Findings[0];
        Assert.Equal(CauseKind.PanelistUplink, top.Kind);
        Assert.Equal(planted.CauseUserId, top.CauseUserId);
        Assert.Equal(planted.From, top.From);
        Assert.Equal(planted.To, top.To);
        Assert.True(precision >= 0.90 && recall >= 0.90, report);
    }

    [Fact]
    public void The_demo_meetings_sharing_participants_uplink_is_the_top_cause_and_the_others_its_victims()
    {
        var demo = DemoDataSet.Create(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var analysis = Analyze(demo.WeeklySync);

        var (precision, recall) = Score(demo.WeeklySync, analysis, out var report);
        output.WriteLine($"demo weekly sync: precision {precision:P1}, recall {recall:P1}, verdict {analysis.Verdict}, poor {analysis.Poor} of {analysis.Participants}");
        output.WriteLine(report);

        var planted = demo.WeeklySync.Faults.Single(f => f.Kind == FaultKind.SenderUplink);
        var top = analysis.Findings[0];
        Assert.Equal(CauseKind.SenderUplink, top.Kind);
        Assert.Equal(planted.CauseUserId, top.CauseUserId);
        Assert.Equal((planted.From, planted.To), (top.From, top.To));
        Assert.EndsWith("'s uplink, sharing their screen", top.Title, StringComparison.Ordinal);
        Assert.Equal(planted.AffectedUserIds.Order(StringComparer.Ordinal), top.AffectedUserIds.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(analysis.Findings, f => f.Kind == CauseKind.PanelistUplink);
        Assert.DoesNotContain(analysis.ParticipantResults, p => p.IsPanelist);
        Assert.True(precision >= 0.90 && recall >= 0.90, report);
    }

    [Theory]
    [InlineData(3, 30, 60)]
    [InlineData(8, 12, 45)]
    [InlineData(19, 80, 90)]
    public void In_a_meeting_the_failing_senders_uplink_is_found_and_without_a_fault_nobody_is_poor(int seed, int participants, int minutes)
    {
        var faulted = Analyze(SimulateMeeting(seed, participants, minutes, faults: true));
        var clean = Analyze(SimulateMeeting(seed, participants, minutes, faults: false));
        var planted = SimulateMeeting(seed, participants, minutes, faults: true).Faults.Single();

        Assert.Contains(faulted.Findings, f => f.Kind == CauseKind.SenderUplink && f.CauseUserId == planted.CauseUserId && f.From == planted.From && f.To == planted.To);
        Assert.Equal(0, clean.Poor);
        Assert.DoesNotContain(clean.Findings, f => f.Kind.IsEpisode);
    }

    [Theory]
    [InlineData(5, 300, 90)]
    [InlineData(6, 1000, 60)]
    [InlineData(7, 150, 120)]
    public void A_fault_free_webinar_has_no_poor_participant(int seed, int attendees, int minutes)
    {
        var webinar = Simulate(seed, attendees, minutes, panelists: 3, faults: false);
        var analysis = Analyze(webinar);

        var poor = analysis.ParticipantResults.Where(p => p.Verdict == ParticipantVerdict.Poor).ToList();
        output.WriteLine($"seed {seed}: {analysis.Participants} sessions, verdict {analysis.Verdict}, good {analysis.Good}, fair {analysis.Fair}, poor {analysis.Poor}, insufficient {analysis.Insufficient}; findings: {string.Join(", ", analysis.Findings.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(poor.Count == 0, string.Join("\n", poor.Select(p => $"{p.UserId} {p.Name}: {p.PoorAudioMinutes}/{p.ActiveMinutes} poor, MOS p10 {p.MosP10:0.00}, {string.Join("; ", p.Metrics.Select(m => $"{m.Key} {m.Value.P50:0.#}/{m.Value.P95:0.#}"))}")));
        Assert.Equal(WebinarVerdict.Healthy, analysis.Verdict);
        Assert.DoesNotContain(analysis.Findings, f => f.Kind != CauseKind.Reconnection);
    }

    internal static SimulatedWebinar Simulate(int seed, int attendees, int minutes, int panelists, bool faults)
    {
        var start = new DateTimeOffset(2026, 10, 1, 15, 0, 0, TimeSpan.Zero);
        var instance = new WebinarInstance($"seed{seed}==", 81234500000 + seed, "acme", "Ground truth", "Host", "host@example.com", start, start.AddMinutes(minutes));
        return WebinarSimulator.Simulate(new WebinarSpec(instance, panelists, attendees, minutes, seed, faults));
    }

    internal static SimulatedWebinar SimulateMeeting(int seed, int participants, int minutes, bool faults)
    {
        var start = new DateTimeOffset(2026, 10, 1, 15, 0, 0, TimeSpan.Zero);
        var instance = new WebinarInstance($"meeting{seed}==", 85234500000 + seed, "acme", "Ground truth meeting", "Host", "host@example.com", start, start.AddMinutes(minutes)) { Kind = QosEventKind.Meeting };
        return WebinarSimulator.Simulate(new WebinarSpec(instance, 0, participants, minutes, seed, faults));
    }

    internal static WebinarAnalysis Analyze(SimulatedWebinar webinar, Thresholds? thresholds = null)
    {
        var analyzer = new QosAnalyzer(thresholds, window: AnalysisWindow.Ended with { IsMeeting = webinar.Instance.IsMeeting });
        foreach (var participant in webinar.Participants())
        {
            analyzer.Add(participant);
        }

        return analyzer.Complete();
    }

    private static (double Precision, double Recall) Score(SimulatedWebinar webinar, WebinarAnalysis analysis, out string report)
    {
        var truth = new HashSet<(CauseKind, string, DateTimeOffset)>();
        foreach (var fault in webinar.Faults.Concat(webinar.IncidentalRejoins))
        {
            foreach (var user in fault.AffectedUserIds)
            {
                for (var at = fault.From; at <= fault.To; at = at.AddMinutes(1))
                {
                    truth.Add((Expected[fault.Kind], user, at));
                }
            }
        }

        var found = new HashSet<(CauseKind, string, DateTimeOffset)>();
        foreach (var finding in analysis.Findings)
        {
            foreach (var user in finding.AffectedUserIds)
            {
                for (var at = finding.From; at <= finding.To; at = at.AddMinutes(1))
                {
                    found.Add((finding.Kind, user, at));
                }
            }
        }

        var hit = found.Count(truth.Contains);
        var lines = Analysis.Causes.CausePipeline.All.Select(d => d.Kind).Select(kind =>
        {
            var t = truth.Count(x => x.Item1 == kind);
            var f = found.Count(x => x.Item1 == kind);
            var h = found.Count(x => x.Item1 == kind && truth.Contains(x));
            return t == 0 && f == 0 ? null : $"  {kind,-20} truth {t,6}  found {f,6}  right {h,6}";
        }).Where(l => l is not null);
        report = string.Join("\n", lines);
        return (found.Count == 0 ? 0 : (double)hit / found.Count, truth.Count == 0 ? 1 : (double)hit / truth.Count);
    }
}
