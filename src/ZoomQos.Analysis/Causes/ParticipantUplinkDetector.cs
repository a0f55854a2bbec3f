using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Section 5, row 2: a panelist's input leg degraded while no attendee suffered with it (outside every panelist
/// episode) and their Wi-Fi was not weak: their own uplink.
/// </summary>
internal sealed class ParticipantUplinkDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.ParticipantUplink;

    public CauseScope Scope => CauseScope.Webinar;

    public int Order => 20;

    public CauseResult Detect(CauseContext context)
    {
        var t = context.Thresholds;
        var inEpisode = context.Findings.Where(f => f.Kind.IsEpisode)
            .SelectMany(f => Enumerable.Range(0, f.Minutes).Select(i => (f.From.ToUnixTimeSeconds() / 60) + i))
            .ToHashSet();
        var findings = new List<Finding>();
        var explained = new List<ExplainedRun>();
        foreach (var panelist in context.Sessions.Where(s => s.IsPanelist))
        {
            var own = panelist.Minutes.Where(m => m.AudioIn.Degraded && !m.AudioIn.Burst && !inEpisode.Contains(m.Minute) && !(m.RssiAvg < t.WifiWeakDbm)).Select(m => m.Minute);
            foreach (var (from, to) in MinuteRuns.Of(own, gap: t.CauseGapMinutes, minLength: t.CauseMinMinutes))
            {
                findings.Add(new Finding(Kind, "Unstable audio", $"{panelist.Name}'s uplink", panelist.UserId, panelist.Name, [panelist.UserId], At(from), At(to),
                    $"{panelist.Name}'s input leg degraded from {Time(from)} to {Time(to)} UTC while their output stayed fine and no attendee suffered with it."));
                explained.Add(new ExplainedRun(panelist, from, to));
            }
        }

        return new CauseResult(findings, explained);
    }
}
