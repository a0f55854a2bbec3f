using System.Globalization;

namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, row 5: latency high but steady, jitter and loss low: distance, or a VPN path.</summary>
internal sealed class DistanceOrVpnDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.DistanceOrVpn;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 30;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var legs = s.Minutes.Select(m => Leg(s, m)).Where(l => l.Active).ToList();
        var latency = Stats.Sorted(legs.Select(l => l.Latency));
        if (latency.Count < t.MinActiveMinutes)
        {
            return CauseResult.None;
        }

        var (p50, spread) = (Stats.Percentile(latency, 0.5), Stats.Percentile(latency, 0.9) - Stats.Percentile(latency, 0.1));
        var jitter = Stats.Median(legs.Select(l => l.Jitter));
        var loss = Stats.Median(legs.Select(l => l.AvgLoss));
        if (!(p50 > t.LatencyGoodMs && spread <= t.SteadyLatencySpreadMs && jitter <= t.JitterGoodMs && loss < t.AvgLossGoodPct))
        {
            return CauseResult.None;
        }

        var high = s.Minutes.Where(m => Leg(s, m).Latency > t.LatencyGoodMs).Select(m => m.Minute).ToList();
        var (from, to) = (high.Min(), high.Max());
        var finding = context.Own(Kind, "Unstable audio", $"a long network path for {s.Name}", from, to, string.Create(CultureInfo.InvariantCulture,
            $"latency {p50:0} ms, steady (spread {spread:0} ms), with jitter {jitter:0} ms and loss {loss:0.#} %: distance or a VPN path — {(s.Location.Length == 0 ? "location unknown" : s.Location)} connected through data centre {(s.DataCenter.Length == 0 ? "unknown" : s.DataCenter)}. Connect outside the VPN or through a nearer data centre."));
        return new CauseResult([finding], [new ExplainedRun(s, from, to)]);
    }

    // The leg the participant's audio depends on: a panelist's input, everyone else's output.
    private static AudioLeg Leg(SessionRecord s, in MinuteFacts m) => s.IsPanelist && m.AudioIn.Active ? m.AudioIn : m.AudioOut;
}
