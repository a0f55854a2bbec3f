using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, row 6: max-loss spikes while average loss stays low, typically Wi-Fi contention.</summary>
internal sealed class BurstyCongestionDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.BurstyCongestion;

    public CauseScope Scope => CauseScope.Session;

    public int Order => 20;

    public CauseResult Detect(CauseContext context)
    {
        var (s, t) = (context.Session, context.Thresholds);
        var bursts = s.Minutes.Where(m => m.AudioOut.Burst || m.AudioIn.Burst).ToList();
        if (bursts.Count < t.BurstMinMinutes)
        {
            return CauseResult.None;
        }

        var (from, to) = (bursts.Min(m => m.Minute), bursts.Max(m => m.Minute));
        var peak = bursts.Max(m => Math.Max(Loss(m.AudioOut.MaxLoss), Loss(m.AudioIn.MaxLoss)));
        var finding = context.Own(Kind, "Unstable audio", $"bursty congestion on {s.Name}'s network", from, to, string.Create(CultureInfo.InvariantCulture,
            $"{bursts.Count} minutes between {Time(from)} and {Time(to)} UTC with max loss spikes up to {peak:0} % while average loss stayed under {t.AvgLossGoodPct:0.#} %: typically Wi-Fi contention; a wired connection or a less busy channel helps."));
        return new CauseResult([finding], [new ExplainedRun(s, from, to)]);
    }

    private static float Loss(float value) => float.IsNaN(value) ? 0 : value;
}
