using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZoomQos.Analysis;

/// <summary>
/// Every number of the quality model (spec/quality-model.md): the thresholds of sections 2 and 4, Zoom's video bitrate
/// ladder, and the parameters of the cause detectors of section 5 (ours, chosen against the simulator's ground truth:
/// Analysis.Tests/GroundTruthTests prints precision and recall per seed), each overridable. Two presets:
/// <see cref="Default"/> and <see cref="TeamsCqd"/> (Microsoft's stricter published rules). A thresholds file is a
/// JSON object with any of these names in snake_case; <see cref="WithOverrides"/> applies it to a preset.
/// Comparisons follow the spec's table: latency, jitter and max loss are poor <em>above</em> their poor threshold;
/// average loss is poor <em>at or above</em> it.
/// </summary>
public sealed record Thresholds
{
    /// <summary>The default preset: section 2 of the quality model.</summary>
    public static Thresholds Default { get; } = new();

    /// <summary>
    /// Microsoft's Teams CQD rules: audio poor if the round trip exceeds 500 ms (one leg above 250 ms), loss above
    /// 10 % or jitter above 30 ms; video poor if below 7 fps or loss above 15 %.
    /// </summary>
    public static Thresholds TeamsCqd { get; } = new()
    {
        Preset = "teams-cqd",
        LatencyGoodMs = 150,
        LatencyPoorMs = 250,
        JitterGoodMs = 30,
        JitterPoorMs = 30,
        AvgLossGoodPct = 1,
        AvgLossPoorPct = 10,
        VideoAvgLossPoorPct = 15,
    };

    /// <summary>The preset's name.</summary>
    public string Preset { get; init; } = "default";

    /// <summary>One leg's latency at or below which it is good (ms).</summary>
    public double LatencyGoodMs { get; init; } = 150;

    /// <summary>One leg's latency above which it is poor (ms).</summary>
    public double LatencyPoorMs { get; init; } = 400;

    /// <summary>Jitter at or below which it is good (ms).</summary>
    public double JitterGoodMs { get; init; } = 30;

    /// <summary>Jitter above which it is poor (ms).</summary>
    public double JitterPoorMs { get; init; } = 50;

    /// <summary>Average loss below which it is good (%).</summary>
    public double AvgLossGoodPct { get; init; } = 1;

    /// <summary>Average loss at or above which audio is poor (%).</summary>
    public double AvgLossPoorPct { get; init; } = 5;

    /// <summary>Average loss at or above which video is poor (%).</summary>
    public double VideoAvgLossPoorPct { get; init; } = 5;

    /// <summary>Max (burst) loss below which it is good (%).</summary>
    public double MaxLossGoodPct { get; init; } = 5;

    /// <summary>Max (burst) loss above which it is poor (%).</summary>
    public double MaxLossPoorPct { get; init; } = 10;

    /// <summary>Active audio bitrate at or above which it is good (kbps).</summary>
    public double AudioBitrateGoodKbps { get; init; } = 24;

    /// <summary>Active audio bitrate below which it is poor (kbps).</summary>
    public double AudioBitratePoorKbps { get; init; } = 12;

    /// <summary>Video frame rate at 360p or more at or above which it is good (fps).</summary>
    public double VideoFpsGoodHighRes { get; init; } = 25;

    /// <summary>Video frame rate at 270p or less at or above which it is good (fps).</summary>
    public double VideoFpsGoodLowRes { get; init; } = 15;

    /// <summary>Video frame rate below which it is poor (fps).</summary>
    public double VideoFpsPoor { get; init; } = 7;

    /// <summary>Share of Zoom's bitrate ladder for the resolution at or above which video bitrate is good.</summary>
    public double VideoLadderGoodShare { get; init; } = 1.0;

    /// <summary>Share of Zoom's bitrate ladder below which video bitrate is poor.</summary>
    public double VideoLadderPoorShare { get; init; } = 0.5;

    /// <summary>Screen-share frame rate below which, with loss at or above <see cref="ShareLossPoorPct"/>, sharing is poor (fps).</summary>
    public double ShareFpsPoor { get; init; } = 2;

    /// <summary>Screen-share loss at or above which a low frame rate is poor (%).</summary>
    public double ShareLossPoorPct { get; init; } = 5;

    /// <summary>System CPU at or above which it is fair (%).</summary>
    public double CpuFairPct { get; init; } = 70;

    /// <summary>System CPU at or above which it is poor (%), when it lasts <see cref="CpuPoorMinutes"/>.</summary>
    public double CpuPoorPct { get; init; } = 90;

    /// <summary>Minutes in a row of poor CPU before it counts.</summary>
    public int CpuPoorMinutes { get; init; } = 2;

    /// <summary>Average Wi-Fi signal below which it is weak (dBm).</summary>
    public double WifiWeakDbm { get; init; } = -70;

    /// <summary>Share of active minutes poor on an audio metric that makes a participant poor.</summary>
    public double ParticipantPoorShare { get; init; } = 0.10;

    /// <summary>A participant's 10th-percentile MOS below which they are poor.</summary>
    public double ParticipantMosP10Poor { get; init; } = 3.6;

    /// <summary>Share of active minutes fair or worse that makes a participant fair.</summary>
    public double ParticipantFairShare { get; init; } = 0.10;

    /// <summary>Fewer active minutes than this is "insufficient data", not a verdict.</summary>
    public int MinActiveMinutes { get; init; } = 3;

    /// <summary>Share of participants poor at or above which the webinar is critical.</summary>
    public double WebinarCriticalShare { get; init; } = 0.20;

    /// <summary>Share of participants poor at or above which the webinar is degraded.</summary>
    public double WebinarDegradedShare { get; init; } = 0.05;

    // Zoom's bitrate ladder for received video (Zoom's published bandwidth for 1:1 video: 600 kbps for high quality,
    // 1.2 Mbps for 720p, 1.8 Mbps for 1080p); below 360p there is no rung and bitrate is not judged.

    /// <summary>The ladder's rung at 360p and above (kbps).</summary>
    public double VideoLadder360pKbps { get; init; } = 600;

    /// <summary>The ladder's rung at 720p and above (kbps).</summary>
    public double VideoLadder720pKbps { get; init; } = 1200;

    /// <summary>The ladder's rung at 1080p and above (kbps).</summary>
    public double VideoLadder1080pKbps { get; init; } = 1800;

    // The cause detectors (section 5). Ours: each was chosen against the simulator's planted faults.

    /// <summary>Panelist's uplink (row 3): at least this many attendees degraded in a minute make it an episode minute, and an episode needs at least this many victims.</summary>
    public int EpisodeMinAttendees { get; init; } = 3;

    /// <summary>Panelist's uplink: ... or this share of the attendees active in the minute, whichever is more.</summary>
    public double EpisodeAttendeeShare { get; init; } = 0.10;

    /// <summary>Panelist's uplink: minutes an episode lasts at least; one is enough at the live edge.</summary>
    public int EpisodeMinMinutes { get; init; } = 2;

    /// <summary>Panelist's uplink: a victim's downlink was degraded in at least this share of the episode's minutes it was there …</summary>
    public double VictimDuringShare { get; init; } = 0.5;

    /// <summary>… and in less than this share of its other minutes (someone degraded all along has a cause of their own).</summary>
    public double VictimOutsideShare { get; init; } = 0.25;

    /// <summary>Minutes apart that one run of a cause still bridges (a participant's uplink or downlink, screen share).</summary>
    public int CauseGapMinutes { get; init; } = 1;

    /// <summary>Minutes a run of a participant's own cause lasts at least (uplink, downlink, Wi-Fi, screen share).</summary>
    public int CauseMinMinutes { get; init; } = 2;

    /// <summary>Weak Wi-Fi: minutes apart that one run still bridges (the signal comes and goes).</summary>
    public int WifiGapMinutes { get; init; } = 2;

    /// <summary>Bursty congestion: minutes with a loss burst a session needs at least.</summary>
    public int BurstMinMinutes { get; init; } = 2;

    /// <summary>Distance or VPN: the spread of latency (p90 − p10) at or below which it counts as steady (ms).</summary>
    public double SteadyLatencySpreadMs { get; init; } = 40;

    /// <summary>Bandwidth adaptation: the first minutes of received video whose median bitrate is the baseline.</summary>
    public int BandwidthBaselineMinutes { get; init; } = 5;

    /// <summary>Bandwidth adaptation: a minute under this share of the baseline has stepped down.</summary>
    public double BandwidthStepDownShare { get; init; } = 0.6;

    /// <summary>Bandwidth adaptation: minutes apart that one run of stepped-down minutes still bridges.</summary>
    public int BandwidthGapMinutes { get; init; } = 2;

    /// <summary>Bandwidth adaptation: minutes a run of stepped-down minutes lasts at least.</summary>
    public int BandwidthMinMinutes { get; init; } = 3;

    /// <summary>The preset of this name: <c>default</c> or <c>teams-cqd</c>.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">Another name.</exception>
    public static Thresholds ForPreset(string name) => name switch
    {
        "default" => Default,
        "teams-cqd" => TeamsCqd,
        _ => throw new ArgumentException($"Unknown preset '{name}': use default or teams-cqd.", nameof(name)),
    };

    /// <summary>
    /// This preset with the values of a thresholds file: a JSON object of snake_case names, for example
    /// <c>{"latency_poor_ms": 300, "min_active_minutes": 5}</c>. An unknown name or a value of the wrong type is an
    /// error that names it; nothing else changes.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <exception cref="FormatException">The text is not such an object.</exception>
    public Thresholds WithOverrides(string json)
    {
        JsonObject overrides;
        try
        {
            overrides = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A thresholds file must be one JSON object, e.g. {\"latency_poor_ms\": 300}.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The thresholds file is not valid JSON: " + ex.Message.Split(" Path:", 2)[0], ex);
        }

        var merged = JsonSerializer.SerializeToNode(this, ThresholdsJsonContext.Default.Thresholds)!.AsObject();
        foreach (var (name, value) in overrides)
        {
            if (!merged.ContainsKey(name) || name == "preset")
            {
                throw new FormatException($"Unknown threshold '{name}'. Known: {string.Join(", ", merged.Select(p => p.Key).Where(k => k != "preset"))}.");
            }

            merged[name] = value?.DeepClone();
        }

        try
        {
            return JsonSerializer.Deserialize(merged, ThresholdsJsonContext.Default.Thresholds)! with { Preset = Preset + "+file" };
        }
        catch (JsonException ex)
        {
            throw new FormatException($"A threshold has a value of the wrong type ({ex.Path?.TrimStart('$', '.')}): numbers only.", ex);
        }
    }
}

/// <summary>Source-generated JSON for thresholds files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Thresholds))]
internal sealed partial class ThresholdsJsonContext : JsonSerializerContext;
