using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Serialization;

/// <summary>The hand-written converters of the per-minute sample and its stream objects.</summary>
public class QosSampleJsonConverterTests
{
    private static QosSample Read(string json) => JsonSerializer.Deserialize(json, ZoomJsonContext.Default.QosSample)!;

    private static string Write(QosSample sample) => JsonSerializer.Serialize(sample, ZoomJsonContext.Default.QosSample);

    [Fact]
    public void Properties_in_any_order_are_read()
    {
        var sample = Read("""{"video_output":{"frame_rate":"22 fps","bitrate":"673 kbps"},"date_time":"2021-06-24T20:00:00Z","audio_input":{"max_loss":"1.9%","latency":"126 ms"}}""");

        Assert.Equal(22, sample.VideoOutput!.FrameRate.Value);
        Assert.Equal(673_000, sample.VideoOutput.Bitrate.BitsPerSecond);
        Assert.Equal(1.9, sample.AudioInput!.MaxLoss.Value);
        Assert.Equal(126, sample.AudioInput.Latency.Value);
        Assert.Equal(QosValueState.Absent, sample.AudioInput.Bitrate.State);
        Assert.Equal(QosValueState.Parsed, sample.DateTime.State);
    }

    [Fact]
    public void Escaped_property_names_and_values_are_read_like_plain_ones()
    {
        var sample = Read("""{"audio_\u0069nput":{"bit\u0072ate":"23\u0020kbps"}}""");

        Assert.Equal(23_000, sample.AudioInput!.Bitrate.BitsPerSecond);
        Assert.Equal("23 kbps", sample.AudioInput.Bitrate.Raw);
    }

    [Fact]
    public void Unknown_fields_inside_streams_and_samples_are_kept_and_written_back()
    {
        const string Json = """{"date_time":"2026-03-02T15:04:00Z","audio_input":{"bitrate":"23 kbps","socket_break":3,"resolution":"1*1"},"cpu_usage":{"zoom_avg_cpu_usage":"12%","gpu":"4%"},"wifi_rssi":{"avg_rssi":-58,"rssi_unit":7,"band":"5GHz"},"cpu_pressure_level":{"system_max_cpu_pressure_level":"serious","trend":[1,2]},"rc_reason":{"a":[true,null]}}""";

        var sample = Read(Json);

        Assert.Equal(3, sample.AudioInput!.ExtensionData!["socket_break"].GetInt32());
        Assert.Equal("1*1", sample.AudioInput.ExtensionData["resolution"].GetString());
        Assert.Equal("4%", sample.CpuUsage!.ExtensionData!["gpu"].GetString());
        Assert.Null(sample.WifiRssi!.RssiUnit);
        Assert.Equal(7, sample.WifiRssi.ExtensionData!["rssi_unit"].GetInt32());
        JsonAssert.Equal(JsonNode.Parse(Json), Write(sample));
    }

    [Fact]
    public void A_stream_that_is_not_an_object_is_kept_as_it_came_instead_of_failing()
    {
        const string Json = """{"audio_input":"n/a","video_input":[1,2],"as_input":null,"cpu_usage":42}""";

        var sample = Read(Json);

        Assert.Null(sample.AudioInput);
        Assert.Null(sample.VideoInput);
        Assert.Null(sample.AsInput);
        Assert.Null(sample.CpuUsage);
        Assert.Equal("n/a", sample.ExtensionData!["audio_input"].GetString());
        JsonAssert.Equal(JsonNode.Parse("""{"audio_input":"n/a","video_input":[1,2],"cpu_usage":42}"""), Write(sample));
    }

    [Fact]
    public void Values_of_any_json_type_never_fail_the_sample()
    {
        var sample = Read("""{"date_time":20210624,"audio_input":{"bitrate":23,"latency":true,"jitter":{"x":1},"avg_loss":[0.3],"max_loss":null}}""");

        Assert.Equal(23_000, sample.AudioInput!.Bitrate.BitsPerSecond);
        Assert.Equal(QosValueState.Unparseable, sample.AudioInput.Latency.State);
        Assert.Equal(QosValueState.Unparseable, sample.AudioInput.Jitter.State);
        Assert.Equal(QosValueState.Unparseable, sample.AudioInput.AvgLoss.State);
        Assert.Equal(QosValueState.Absent, sample.AudioInput.MaxLoss.State);
        Assert.Equal(QosValueState.Unparseable, sample.DateTime.State);
        JsonAssert.Equal(
            JsonNode.Parse("""{"date_time":20210624,"audio_input":{"bitrate":23,"latency":true,"jitter":{"x":1},"avg_loss":[0.3]}}"""),
            Write(sample));
    }

    [Fact]
    public void Malformed_json_is_a_json_exception_not_a_crash() =>
        Assert.ThrowsAny<JsonException>(() => Read("""{"audio_input":{"bitrate":"23 kbps",}"""));

    [Fact]
    public void A_page_split_into_one_byte_segments_reads_the_same_as_a_contiguous_one()
    {
        var bytes = Fixtures.Bytes("full-schema.json");
        var reader = new Utf8JsonReader(OneByteSegments(bytes));

        var page = JsonSerializer.Deserialize(ref reader, ZoomJsonContext.Default.ParticipantQosPage)!;

        JsonAssert.Equal(Fixtures.Node("full-schema.json"), JsonSerializer.Serialize(page, ZoomJsonContext.Default.ParticipantQosPage));
    }

    [Fact]
    public void A_long_value_string_bypasses_the_cache_and_is_still_kept()
    {
        var raw = "123" + new string(' ', 40) + "ms";

        var sample = Read("{\"audio_input\":{\"latency\":\"" + raw + "\"}}");

        Assert.Equal(123, sample.AudioInput!.Latency.Value);
        Assert.Equal(raw, sample.AudioInput.Latency.Raw);
    }

    [Fact]
    public void Non_ascii_values_are_read_exactly()
    {
        var sample = Read("""{"audio_input":{"latency":"١٢ ms","jitter":"12 мс"}}""");

        Assert.Equal("١٢ ms", sample.AudioInput!.Latency.Raw);
        Assert.Equal(QosValueState.Unparseable, sample.AudioInput.Latency.State);
        Assert.Equal("12 мс", sample.AudioInput.Jitter.Raw);
        Assert.Contains("12 мс", JsonNode.Parse(Write(sample))!["audio_input"]!["jitter"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static ReadOnlySequence<byte> OneByteSegments(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
