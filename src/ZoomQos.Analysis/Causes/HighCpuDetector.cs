using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, row 1: CPU poor (or pressure serious or critical) for a few minutes in a row, frame rate down, loss low.</summary>
internal sealed class HighCpuDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.HighCpu;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 10;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var findings = new List<Finding>();
        var explained = new List<ExplainedRun>();
        foreach (var (from, to) in MinuteRuns.Of(s.Minutes.Where(m => m.Cpu == Quality.Poor).Select(m => m.Minute), gap: 0, minLength: t.CpuPoorMinutes))
        {
            var during = s.Minutes.Where(m => m.Minute >= from && m.Minute <= to).ToList();
            findings.Add(context.Own(Kind, "High CPU usage", $"high CPU on {s.Name}'s device", from, to, string.Create(CultureInfo.InvariantCulture,
                $"system CPU at {during.Max(m => m.CpuSystemMax):0} % (pressure serious or critical) from {Time(from)} to {Time(to)} UTC; video fell to {Stats.Median(during.Select(m => m.VideoOut.Fps)):0.#} fps while loss stayed at {Stats.Median(during.Select(m => m.AudioOut.Active ? m.AudioOut.AvgLoss : m.AudioIn.AvgLoss)):0.#} %: close other applications, or lower the video resolution.")));
            explained.Add(new ExplainedRun(s, from, to));
        }

        return new CauseResult(findings, explained);
    }
}
