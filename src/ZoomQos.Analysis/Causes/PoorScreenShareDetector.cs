using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Zoom's "Poor screen share quality": the shared screen below <see cref="Thresholds.ShareFpsPoor"/> with loss, when
/// no cause found before explains it (a panelist's uplink or a participant's own downlink shows in the shared screen
/// too). It runs last.
/// </summary>
internal sealed class PoorScreenShareDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.PoorScreenShare;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 70;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var share = s.Minutes.Where(m => m.ShareOut.All == Quality.Poor && !m.AudioOut.Degraded && !context.Explained.Contains(s, m.Minute)).Select(m => m.Minute);
        var findings = new List<Finding>();
        var explained = new List<ExplainedRun>();
        foreach (var (from, to) in MinuteRuns.Of(share, gap: t.CauseGapMinutes, minLength: t.CauseMinMinutes))
        {
            findings.Add(context.Own(Kind, "Poor screen share quality", $"poor screen share for {s.Name}", from, to,
                $"shared screen below {t.ShareFpsPoor:0} fps with {t.ShareLossPoorPct:0} % loss or more from {Time(from)} to {Time(to)} UTC."));
            explained.Add(new ExplainedRun(s, from, to));
        }

        return new CauseResult(findings, explained);
    }
}
