using System.Text.Json;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Contracts.Serialization;

/// <summary>Reads and writes <see cref="CpuPressureLevel"/> by hand (see <see cref="WireObjectConverter{T}"/>).</summary>
internal sealed class CpuPressureLevelJsonConverter : WireObjectConverter<CpuPressureLevel>
{
    public static readonly CpuPressureLevelJsonConverter Instance = new();

    protected override CpuPressureLevel ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ZoomChoice<CpuPressures> min = default, avg = default, max = default;
        Dictionary<string, JsonElement>? unknown = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("system_min_cpu_pressure_level"u8))
            {
                min = WireReader.Value<ZoomChoice<CpuPressures>>(ref reader);
            }
            else if (reader.ValueTextEquals("system_avg_cpu_pressure_level"u8))
            {
                avg = WireReader.Value<ZoomChoice<CpuPressures>>(ref reader);
            }
            else if (reader.ValueTextEquals("system_max_cpu_pressure_level"u8))
            {
                max = WireReader.Value<ZoomChoice<CpuPressures>>(ref reader);
            }
            else
            {
                unknown = WireReader.Unknown(ref reader, unknown);
            }
        }

        return new CpuPressureLevel
        {
            SystemMinCpuPressureLevel = min,
            SystemAvgCpuPressureLevel = avg,
            SystemMaxCpuPressureLevel = max,
            ExtensionData = unknown,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, CpuPressureLevel value, JsonSerializerOptions options)
    {
        WireWriter.Value(writer, "system_min_cpu_pressure_level"u8, value.SystemMinCpuPressureLevel);
        WireWriter.Value(writer, "system_avg_cpu_pressure_level"u8, value.SystemAvgCpuPressureLevel);
        WireWriter.Value(writer, "system_max_cpu_pressure_level"u8, value.SystemMaxCpuPressureLevel);
        WireWriter.Unknown(writer, value.ExtensionData);
    }
}
