using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, row 4: one attendee's output degraded, not explained before, in minutes when few others' was.</summary>
internal sealed class AttendeeDownlinkDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.AttendeeDownlink;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 60;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var alone = s.Minutes.Where(m => m.AudioOut.Degraded && !m.AudioOut.Burst && !context.Explained.Contains(s, m.Minute) && !context.Minutes.ManyDegraded(m.Minute)).Select(m => m.Minute);
        var findings = new List<Finding>();
        var explained = new List<ExplainedRun>();
        foreach (var (from, to) in MinuteRuns.Of(alone, gap: t.CauseGapMinutes, minLength: t.CauseMinMinutes))
        {
            var during = s.Minutes.Where(m => m.Minute >= from && m.Minute <= to).ToList();
            findings.Add(context.Own(Kind, "Unstable audio", $"{s.Name}'s downlink or device", from, to, string.Create(CultureInfo.InvariantCulture,
                $"{s.Name} received with {Stats.Median(during.Select(m => m.AudioOut.AvgLoss)):0.#} % loss and {Stats.Median(during.Select(m => m.AudioOut.Jitter)):0} ms jitter from {Time(from)} to {Time(to)} UTC while other attendees were fine: their own connection or device.")));
            explained.Add(new ExplainedRun(s, from, to));
        }

        return new CauseResult(findings, explained);
    }
}
