using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Qos;

/// <summary>An audio stream's minute: bitrate, latency, jitter, average and maximum loss.</summary>
[JsonConverter(typeof(AudioQosJsonConverter))]
public sealed record AudioQos
{
    /// <summary>Bitrate, e.g. <c>"23 kbps"</c>.</summary>
    public Bitrate Bitrate { get; init; }

    /// <summary>One-leg latency, e.g. <c>"126 ms"</c> (a 5-second average).</summary>
    public Milliseconds Latency { get; init; }

    /// <summary>Jitter, e.g. <c>"6 ms"</c>.</summary>
    public Milliseconds Jitter { get; init; }

    /// <summary>Average packet loss, e.g. <c>"0.3%"</c>.</summary>
    public Percent AvgLoss { get; init; }

    /// <summary>Maximum packet loss, e.g. <c>"1.9%"</c>.</summary>
    public Percent MaxLoss { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
