using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Qos;

/// <summary>Wi-Fi signal strength in the minute; Zoom sends integers in dBm.</summary>
[JsonConverter(typeof(WifiRssiJsonConverter))]
public sealed record WifiRssi
{
    /// <summary>Strongest signal.</summary>
    public Rssi MaxRssi { get; init; }

    /// <summary>Average signal.</summary>
    public Rssi AvgRssi { get; init; }

    /// <summary>Weakest signal.</summary>
    public Rssi MinRssi { get; init; }

    /// <summary>The unit, <c>"dBm"</c>.</summary>
    public string? RssiUnit { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
