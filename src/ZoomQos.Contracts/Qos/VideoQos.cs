using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Qos;

/// <summary>A video or screen-share stream's minute: the audio metrics plus resolution and frame rate.</summary>
[JsonConverter(typeof(VideoQosJsonConverter))]
public sealed record VideoQos
{
    /// <summary>Bitrate, e.g. <c>"1055 kbps"</c>.</summary>
    public Bitrate Bitrate { get; init; }

    /// <summary>One-leg latency.</summary>
    public Milliseconds Latency { get; init; }

    /// <summary>Jitter.</summary>
    public Milliseconds Jitter { get; init; }

    /// <summary>Average packet loss.</summary>
    public Percent AvgLoss { get; init; }

    /// <summary>Maximum packet loss.</summary>
    public Percent MaxLoss { get; init; }

    /// <summary>Resolution, e.g. <c>"1280*720"</c>; <c>"0*0"</c> when idle.</summary>
    public Resolution Resolution { get; init; }

    /// <summary>Frame rate, e.g. <c>"12 fps"</c>; <c>""</c> when idle.</summary>
    public FrameRate FrameRate { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
