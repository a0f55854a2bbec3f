using System.Text.Json;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>The fields of one audio, video or screen-share stream, read in one pass.</summary>
internal struct MediaFields
{
    private static readonly Utf8NameTable Names = new("bitrate", "latency", "jitter", "avg_loss", "max_loss", "resolution", "frame_rate");

    public Bitrate Bitrate;
    public Milliseconds Latency;
    public Milliseconds Jitter;
    public Percent AvgLoss;
    public Percent MaxLoss;
    public Resolution Resolution;
    public FrameRate FrameRate;
    public Dictionary<string, JsonElement>? Unknown;

    /// <summary>Reads the object the reader stands on; <paramref name="video"/> says whether resolution and frame rate are fields.</summary>
    public void Read(ref Utf8JsonReader reader, bool video)
    {
        var expected = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var index = Names.IndexOf(ref reader, ref expected);
            if (!video && index >= 5)
            {
                index = -1; // resolution and frame_rate are not audio fields: keep them as unknown.
            }

            switch (index)
            {
                case 0:
                    Bitrate = WireReader.Value<Bitrate>(ref reader);
                    break;
                case 1:
                    Latency = WireReader.Value<Milliseconds>(ref reader);
                    break;
                case 2:
                    Jitter = WireReader.Value<Milliseconds>(ref reader);
                    break;
                case 3:
                    AvgLoss = WireReader.Value<Percent>(ref reader);
                    break;
                case 4:
                    MaxLoss = WireReader.Value<Percent>(ref reader);
                    break;
                case 5:
                    Resolution = WireReader.Value<Resolution>(ref reader);
                    break;
                case 6:
                    FrameRate = WireReader.Value<FrameRate>(ref reader);
                    break;
                default:
                    Unknown = WireReader.Unknown(ref reader, Unknown);
                    break;
            }
        }
    }

    public static void WriteCommon(Utf8JsonWriter writer, Bitrate bitrate, Milliseconds latency, Milliseconds jitter, Percent avgLoss, Percent maxLoss)
    {
        WireWriter.Value(writer, "bitrate"u8, bitrate);
        WireWriter.Value(writer, "latency"u8, latency);
        WireWriter.Value(writer, "jitter"u8, jitter);
        WireWriter.Value(writer, "avg_loss"u8, avgLoss);
        WireWriter.Value(writer, "max_loss"u8, maxLoss);
    }
}
