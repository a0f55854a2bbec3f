using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Qos;

/// <summary>CPU usage in the minute: Zoom's own minimum, average and maximum, and the system's maximum.</summary>
[JsonConverter(typeof(CpuUsageJsonConverter))]
public sealed record CpuUsage
{
    /// <summary>Zoom's minimum CPU usage.</summary>
    public CpuPercent ZoomMinCpuUsage { get; init; }

    /// <summary>Zoom's average CPU usage.</summary>
    public CpuPercent ZoomAvgCpuUsage { get; init; }

    /// <summary>Zoom's maximum CPU usage.</summary>
    public CpuPercent ZoomMaxCpuUsage { get; init; }

    /// <summary>The whole system's maximum CPU usage.</summary>
    public CpuPercent SystemMaxCpuUsage { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
