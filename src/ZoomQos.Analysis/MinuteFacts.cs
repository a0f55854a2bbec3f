using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis;

/// <summary>One audio leg's minute: the numbers (NaN when absent) and their classes.</summary>
internal struct AudioLeg
{
    public float Latency;
    public float Jitter;
    public float AvgLoss;
    public float MaxLoss;
    public float Kbps;
    public Quality Net;      // worst of latency, jitter, average and max loss
    public Quality All;      // Net and bitrate
    public bool Degraded;    // Net poor, or loss and jitter both fair or worse
    public bool Burst;       // max loss poor while average loss good

    public readonly bool Active => All != Quality.Unclassified;
}

/// <summary>One video or screen-share leg's minute.</summary>
internal struct VideoLeg
{
    public float Fps;
    public float Kbps;
    public float Height;
    public float AvgLoss;
    public Quality All;

    public readonly bool Active => All != Quality.Unclassified;
}

/// <summary>What one sample says, classified (quality model, section 2); kept per participant minute until the analysis ends.</summary>
internal struct MinuteFacts
{
    public long Minute;          // Unix minutes
    public AudioLeg AudioIn;
    public AudioLeg AudioOut;
    public VideoLeg VideoIn;
    public VideoLeg VideoOut;
    public VideoLeg ShareOut;
    public Quality ShareIn;
    public float CpuSystemMax;
    public Quality Cpu;
    public float RssiAvg;
    public Quality Overall;

    public readonly bool Active => Overall != Quality.Unclassified;

    public readonly bool SendsMedia => AudioIn.Active || VideoIn.Active || ShareIn != Quality.Unclassified;
}

/// <summary>Classifies one sample's streams with a set of thresholds.</summary>
internal static class MinuteClassifier
{
    public static MinuteFacts Classify(QosSample sample, long minute, Thresholds t)
    {
        var facts = new MinuteFacts
        {
            Minute = minute,
            AudioIn = Audio(sample.AudioInput, t),
            AudioOut = Audio(sample.AudioOutput, t),
            VideoIn = Video(sample.VideoInput, t),
            VideoOut = Video(sample.VideoOutput, t),
            ShareOut = Share(sample.AsOutput, t),
            ShareIn = Share(sample.AsInput, t).All,
            RssiAvg = F(sample.WifiRssi?.AvgRssi.Dbm),
        };
        (facts.CpuSystemMax, facts.Cpu) = Cpu(sample, t);
        facts.Overall = Worst(facts.AudioIn.All, facts.AudioOut.All, facts.VideoIn.All, facts.VideoOut.All, facts.ShareOut.All, facts.ShareIn);
        return facts;
    }

    public static Quality Worst(params ReadOnlySpan<Quality> qualities)
    {
        var worst = Quality.Unclassified;
        foreach (var q in qualities)
        {
            worst = q > worst ? q : worst;
        }

        return worst;
    }

    private static float F(double? value) => value is { } v ? (float)v : float.NaN;

    private static AudioLeg Audio(AudioQos? audio, Thresholds t)
    {
        if (audio is null || audio.Bitrate.Kbps is not > 0)
        {
            return new AudioLeg { Latency = float.NaN, Jitter = float.NaN, AvgLoss = float.NaN, MaxLoss = float.NaN, Kbps = float.NaN };
        }

        var leg = new AudioLeg
        {
            Latency = F(audio.Latency.Value),
            Jitter = F(audio.Jitter.Value),
            AvgLoss = F(audio.AvgLoss.Value),
            MaxLoss = F(audio.MaxLoss.Value),
            Kbps = F(audio.Bitrate.Kbps),
        };
        var latency = Upper(leg.Latency, t.LatencyGoodMs, t.LatencyPoorMs);
        var jitter = Upper(leg.Jitter, t.JitterGoodMs, t.JitterPoorMs);
        var avgLoss = Loss(leg.AvgLoss, t.AvgLossGoodPct, t.AvgLossPoorPct);
        var maxLoss = float.IsNaN(leg.MaxLoss) ? Quality.Unclassified : leg.MaxLoss < t.MaxLossGoodPct ? Quality.Good : leg.MaxLoss > t.MaxLossPoorPct ? Quality.Poor : Quality.Fair;
        var bitrate = leg.Kbps >= t.AudioBitrateGoodKbps ? Quality.Good : leg.Kbps < t.AudioBitratePoorKbps ? Quality.Poor : Quality.Fair;
        leg.Net = Max(Worst(latency, jitter, avgLoss, maxLoss), Quality.Good);
        leg.All = Worst(leg.Net, bitrate);
        leg.Degraded = Worst(latency, jitter, avgLoss) == Quality.Poor || (avgLoss >= Quality.Fair && jitter >= Quality.Fair);
        leg.Burst = maxLoss == Quality.Poor && avgLoss == Quality.Good;
        return leg;
    }

    private static VideoLeg Video(VideoQos? video, Thresholds t)
    {
        if (video is null || video.Bitrate.Kbps is not > 0 || video.Resolution.Height is not > 0)
        {
            return new VideoLeg { Fps = float.NaN, Kbps = float.NaN, Height = float.NaN, AvgLoss = float.NaN };
        }

        var leg = new VideoLeg
        {
            Fps = F(video.FrameRate.Value),
            Kbps = F(video.Bitrate.Kbps),
            Height = video.Resolution.Height ?? float.NaN,
            AvgLoss = F(video.AvgLoss.Value),
        };
        var goodFps = leg.Height >= 360 ? t.VideoFpsGoodHighRes : t.VideoFpsGoodLowRes;
        var fps = float.IsNaN(leg.Fps) ? Quality.Unclassified : leg.Fps >= goodFps ? Quality.Good : leg.Fps < t.VideoFpsPoor ? Quality.Poor : Quality.Fair;
        var ladder = leg.Height >= 1080 ? t.VideoLadder1080pKbps : leg.Height >= 720 ? t.VideoLadder720pKbps : leg.Height >= 360 ? t.VideoLadder360pKbps : 0;
        var share = ladder == 0 ? double.NaN : leg.Kbps / (float)ladder; // a float quotient, as when the rungs were literals
        var bitrate = double.IsNaN(share) ? Quality.Unclassified : share >= t.VideoLadderGoodShare ? Quality.Good : share < t.VideoLadderPoorShare ? Quality.Poor : Quality.Fair;
        var loss = Loss(leg.AvgLoss, t.AvgLossGoodPct, t.VideoAvgLossPoorPct);
        var network = Worst(Upper(F(video.Latency.Value), t.LatencyGoodMs, t.LatencyPoorMs), Upper(F(video.Jitter.Value), t.JitterGoodMs, t.JitterPoorMs), loss);
        leg.All = Max(Worst(fps, bitrate, network), Quality.Good);
        return leg;
    }

    private static VideoLeg Share(VideoQos? share, Thresholds t)
    {
        if (share is null || share.Bitrate.Kbps is not > 0 || share.Resolution.Height is not > 0)
        {
            return new VideoLeg { Fps = float.NaN, Kbps = float.NaN, Height = float.NaN, AvgLoss = float.NaN };
        }

        var leg = new VideoLeg { Fps = F(share.FrameRate.Value), Kbps = F(share.Bitrate.Kbps), Height = share.Resolution.Height ?? float.NaN, AvgLoss = F(share.AvgLoss.Value) };
        // Static slides at 1 fps are fine: poor only when the frame rate is low and packets are lost.
        leg.All = leg.Fps < t.ShareFpsPoor && leg.AvgLoss >= t.ShareLossPoorPct ? Quality.Poor : Quality.Good;
        return leg;
    }

    private static (float System, Quality Quality) Cpu(QosSample sample, Thresholds t)
    {
        var system = F(sample.CpuUsage?.SystemMaxCpuUsage.Value);
        var pressure = sample.CpuPressureLevel?.SystemMaxCpuPressureLevel.Raw;
        if (!string.IsNullOrEmpty(pressure))
        {
            // cpu_pressure_level is preferred when present.
            var byPressure = pressure.ToUpperInvariant() switch
            {
                "CRITICAL" or "SERIOUS" => Quality.Poor,
                "FAIR" => Quality.Fair,
                "NORMAL" or "NOMINAL" => Quality.Good,
                _ => Quality.Unclassified,
            };
            if (byPressure != Quality.Unclassified)
            {
                return (system, byPressure);
            }
        }

        return float.IsNaN(system) ? (system, Quality.Unclassified)
            : (system, system >= t.CpuPoorPct ? Quality.Poor : system >= t.CpuFairPct ? Quality.Fair : Quality.Good);
    }

    // Latency, jitter: good at or below `good`, poor above `poor`.
    private static Quality Upper(float value, double good, double poor) =>
        float.IsNaN(value) ? Quality.Unclassified
        : value <= good ? Quality.Good
        : value > poor ? Quality.Poor
        : Quality.Fair;

    // Average loss: good below `good`, poor at or above `poor`.
    private static Quality Loss(float value, double good, double poor) =>
        float.IsNaN(value) ? Quality.Unclassified : value < good ? Quality.Good : value >= poor ? Quality.Poor : Quality.Fair;

    private static Quality Max(Quality a, Quality b) => a > b ? a : b;
}
