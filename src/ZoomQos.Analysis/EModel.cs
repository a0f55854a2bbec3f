namespace ZoomQos.Analysis;

/// <summary>
/// Estimated audio MOS by the simplified ITU-T G.107 E-model that monitoring tools use (quality model, section 3).
/// Zoom's codec and loss concealment are not public, so it is an estimate: label it "estimated MOS (E-model)".
/// </summary>
public static class EModel
{
    /// <summary>The estimated MOS, 1.0 to 4.5.</summary>
    /// <param name="latencyMs">One-way latency (for an attendee, panelist input plus attendee output when known).</param>
    /// <param name="jitterMs">Jitter.</param>
    /// <param name="lossPercent">Average packet loss.</param>
    public static double Mos(double latencyMs, double jitterMs, double lossPercent)
    {
        var d = latencyMs + (2 * jitterMs) + 10;
        var r = d < 160 ? 93.2 - (d / 40) : 93.2 - ((d - 120) / 10);
        r = Math.Clamp(r - (2.5 * lossPercent), 0, 100);
        return 1 + (0.035 * r) + (7e-6 * r * (r - 60) * (100 - r));
    }

    /// <summary>The G.107/G.109 user-satisfaction band: ≥ 4.0 good, 3.6–4.0 fair, 3.1–3.6 poor, below 3.1 bad.</summary>
    /// <param name="mos">The MOS.</param>
    public static string Band(double mos) => mos >= 4.0 ? "good" : mos >= 3.6 ? "fair" : mos >= 3.1 ? "poor" : "bad";
}
