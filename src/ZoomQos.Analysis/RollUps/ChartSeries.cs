namespace ZoomQos.Analysis.RollUps;

/// <summary>A session's minutes as the charts draw them: the worse of audio input and output, its bitrate, frame rate and MOS.</summary>
internal static class ChartSeries
{
    public static List<MinutePoint> Of(SessionRecord s, ParticipantRollUp rollUp)
    {
        static double? N(float v) => float.IsNaN(v) ? null : Math.Round(v, 2);
        static float Worse(float a, float b) => float.IsNaN(a) ? b : float.IsNaN(b) ? a : Math.Max(a, b);
        return [.. s.Minutes.Select(m => new MinutePoint(
            UtcMinute.At(m.Minute),
            N(Worse(m.AudioIn.AvgLoss, m.AudioOut.AvgLoss)),
            N(Worse(m.AudioIn.Jitter, m.AudioOut.Jitter)),
            N(Worse(m.AudioIn.Latency, m.AudioOut.Latency)),
            N(s.IsPanelist && m.AudioIn.Active ? m.AudioIn.Kbps : m.AudioOut.Kbps),
            N(s.IsPanelist && m.VideoIn.Active ? m.VideoIn.Fps : m.VideoOut.Fps),
            rollUp.Mos(s, m).Mos is { } mos ? Math.Round(mos, 2) : null,
            m.AudioIn.Net == Quality.Poor || m.AudioOut.Net == Quality.Poor ? Quality.Poor : m.Overall))];
    }
}
