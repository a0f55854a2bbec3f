using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>Reads and writes <see cref="WifiRssi"/> by hand (see <see cref="WireObjectConverter{T}"/>).</summary>
internal sealed class WifiRssiJsonConverter : WireObjectConverter<WifiRssi>
{
    public static readonly WifiRssiJsonConverter Instance = new();

    protected override WifiRssi ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Rssi max = default, avg = default, min = default;
        string? unit = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("max_rssi"u8))
            {
                max = WireReader.Value<Rssi>(ref reader);
            }
            else if (reader.ValueTextEquals("avg_rssi"u8))
            {
                avg = WireReader.Value<Rssi>(ref reader);
            }
            else if (reader.ValueTextEquals("min_rssi"u8))
            {
                min = WireReader.Value<Rssi>(ref reader);
            }
            else if (reader.ValueTextEquals("rssi_unit"u8) && WireReader.IsNextString(ref reader))
            {
                unit = WireReader.String(ref reader);
            }
            else
            {
                unknown = WireReader.Unknown(ref reader, unknown);
            }
        }

        return new WifiRssi { MaxRssi = max, AvgRssi = avg, MinRssi = min, RssiUnit = unit, ExtensionData = unknown };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, WifiRssi value, JsonSerializerOptions options)
    {
        WireWriter.Value(writer, "max_rssi"u8, value.MaxRssi);
        WireWriter.Value(writer, "avg_rssi"u8, value.AvgRssi);
        WireWriter.Value(writer, "min_rssi"u8, value.MinRssi);
        WireWriter.String(writer, "rssi_unit"u8, value.RssiUnit);
        WireWriter.Unknown(writer, value.ExtensionData);
    }
}
