using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Section 5, row 7: received video steps down from its baseline while loss stays low and CPU is fine. It explains
/// no minutes: the audio of those minutes may still have a cause of its own.
/// </summary>
internal sealed class BandwidthAdaptationDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.BandwidthAdaptation;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 40;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var video = s.Minutes.Where(m => m.VideoOut.Active && !float.IsNaN(m.VideoOut.Kbps)).ToList();
        if (video.Count <= t.BandwidthBaselineMinutes)
        {
            return CauseResult.None;
        }

        var baseline = Stats.Median(video.Take(t.BandwidthBaselineMinutes).Select(m => m.VideoOut.Kbps));
        var stepped = video.Where(m => m.VideoOut.Kbps < t.BandwidthStepDownShare * baseline && !(m.VideoOut.AvgLoss >= t.AvgLossGoodPct) && m.Cpu != Quality.Poor).Select(m => m.Minute);
        var findings = new List<Finding>();
        foreach (var (from, to) in MinuteRuns.Of(stepped, gap: t.BandwidthGapMinutes, minLength: t.BandwidthMinMinutes))
        {
            var low = video.Where(m => m.Minute >= from && m.Minute <= to).ToList();
            findings.Add(context.Own(Kind, "Unstable video", $"bandwidth adaptation on {s.Name}'s downlink", from, to, string.Create(CultureInfo.InvariantCulture,
                $"received video stepped down from {baseline:0} kbps to {low.Min(m => m.VideoOut.Kbps):0} kbps ({low.Min(m => m.VideoOut.Height):0}p) from {Time(from)} to {Time(to)} UTC while loss stayed under {t.AvgLossGoodPct:0.#} %: bandwidth adaptation, not packet loss — the connection's capacity dropped.")));
        }

        return new CauseResult(findings, []);
    }
}
