using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Qos;

/// <summary>The system's CPU pressure in the minute: <c>normal</c>, <c>fair</c>, <c>serious</c> or <c>critical</c>.</summary>
[JsonConverter(typeof(CpuPressureLevelJsonConverter))]
public sealed record CpuPressureLevel
{
    /// <summary>Lowest pressure in the minute.</summary>
    public ZoomChoice<CpuPressures> SystemMinCpuPressureLevel { get; init; }

    /// <summary>Typical pressure in the minute.</summary>
    public ZoomChoice<CpuPressures> SystemAvgCpuPressureLevel { get; init; }

    /// <summary>Highest pressure in the minute.</summary>
    public ZoomChoice<CpuPressures> SystemMaxCpuPressureLevel { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
