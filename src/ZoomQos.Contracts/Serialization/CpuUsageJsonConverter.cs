using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>Reads and writes <see cref="CpuUsage"/> by hand (see <see cref="WireObjectConverter{T}"/>).</summary>
internal sealed class CpuUsageJsonConverter : WireObjectConverter<CpuUsage>
{
    public static readonly CpuUsageJsonConverter Instance = new();

    protected override CpuUsage ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        CpuPercent zoomMin = default, zoomAvg = default, zoomMax = default, systemMax = default;
        Dictionary<string, JsonElement>? unknown = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("zoom_min_cpu_usage"u8))
            {
                zoomMin = WireReader.Value<CpuPercent>(ref reader);
            }
            else if (reader.ValueTextEquals("zoom_avg_cpu_usage"u8))
            {
                zoomAvg = WireReader.Value<CpuPercent>(ref reader);
            }
            else if (reader.ValueTextEquals("zoom_max_cpu_usage"u8))
            {
                zoomMax = WireReader.Value<CpuPercent>(ref reader);
            }
            else if (reader.ValueTextEquals("system_max_cpu_usage"u8))
            {
                systemMax = WireReader.Value<CpuPercent>(ref reader);
            }
            else
            {
                unknown = WireReader.Unknown(ref reader, unknown);
            }
        }

        return new CpuUsage
        {
            ZoomMinCpuUsage = zoomMin,
            ZoomAvgCpuUsage = zoomAvg,
            ZoomMaxCpuUsage = zoomMax,
            SystemMaxCpuUsage = systemMax,
            ExtensionData = unknown,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, CpuUsage value, JsonSerializerOptions options)
    {
        WireWriter.Value(writer, "zoom_min_cpu_usage"u8, value.ZoomMinCpuUsage);
        WireWriter.Value(writer, "zoom_avg_cpu_usage"u8, value.ZoomAvgCpuUsage);
        WireWriter.Value(writer, "zoom_max_cpu_usage"u8, value.ZoomMaxCpuUsage);
        WireWriter.Value(writer, "system_max_cpu_usage"u8, value.SystemMaxCpuUsage);
        WireWriter.Unknown(writer, value.ExtensionData);
    }
}
