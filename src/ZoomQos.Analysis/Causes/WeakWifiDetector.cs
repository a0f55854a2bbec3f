using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, row 2's support: degraded minutes, not explained before, with an average Wi-Fi signal below <see cref="Thresholds.WifiWeakDbm"/>.</summary>
internal sealed class WeakWifiDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.WeakWifi;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 50;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var weak = s.Minutes.Where(m => (m.AudioOut.Degraded || m.AudioIn.Degraded) && m.RssiAvg < t.WifiWeakDbm && !context.Explained.Contains(s, m.Minute)).Select(m => m.Minute);
        var findings = new List<Finding>();
        var explained = new List<ExplainedRun>();
        foreach (var (from, to) in MinuteRuns.Of(weak, gap: t.WifiGapMinutes, minLength: t.CauseMinMinutes))
        {
            var rssi = Stats.Median(s.Minutes.Where(m => m.Minute >= from && m.Minute <= to).Select(m => m.RssiAvg));
            findings.Add(context.Own(Kind, "Unstable audio", $"weak Wi-Fi for {s.Name}", from, to, string.Create(CultureInfo.InvariantCulture,
                $"loss and jitter from {Time(from)} to {Time(to)} UTC with a Wi-Fi signal of {rssi:0} dBm (weak below {t.WifiWeakDbm:0}): move closer to the access point or use a cable.")));
            explained.Add(new ExplainedRun(s, from, to));
        }

        return new CauseResult(findings, explained);
    }
}
