using System.Text.Json;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Contracts.Serialization;

/// <summary>Reads and writes <see cref="VideoQos"/> by hand (see <see cref="WireObjectConverter{T}"/>).</summary>
internal sealed class VideoQosJsonConverter : WireObjectConverter<VideoQos>
{
    public static readonly VideoQosJsonConverter Instance = new();

    protected override VideoQos ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var f = default(MediaFields);
        f.Read(ref reader, video: true);
        return new VideoQos
        {
            Bitrate = f.Bitrate,
            Latency = f.Latency,
            Jitter = f.Jitter,
            AvgLoss = f.AvgLoss,
            MaxLoss = f.MaxLoss,
            Resolution = f.Resolution,
            FrameRate = f.FrameRate,
            ExtensionData = f.Unknown,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, VideoQos value, JsonSerializerOptions options)
    {
        MediaFields.WriteCommon(writer, value.Bitrate, value.Latency, value.Jitter, value.AvgLoss, value.MaxLoss);
        WireWriter.Value(writer, "resolution"u8, value.Resolution);
        WireWriter.Value(writer, "frame_rate"u8, value.FrameRate);
        WireWriter.Unknown(writer, value.ExtensionData);
    }
}
