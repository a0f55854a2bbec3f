using System.Text.Json;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Contracts.Serialization;

/// <summary>Reads and writes <see cref="AudioQos"/> by hand (see <see cref="WireObjectConverter{T}"/>).</summary>
internal sealed class AudioQosJsonConverter : WireObjectConverter<AudioQos>
{
    public static readonly AudioQosJsonConverter Instance = new();

    protected override AudioQos ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var f = default(MediaFields);
        f.Read(ref reader, video: false);
        return new AudioQos
        {
            Bitrate = f.Bitrate,
            Latency = f.Latency,
            Jitter = f.Jitter,
            AvgLoss = f.AvgLoss,
            MaxLoss = f.MaxLoss,
            ExtensionData = f.Unknown,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, AudioQos value, JsonSerializerOptions options)
    {
        MediaFields.WriteCommon(writer, value.Bitrate, value.Latency, value.Jitter, value.AvgLoss, value.MaxLoss);
        WireWriter.Unknown(writer, value.ExtensionData);
    }
}
