using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class BitrateTests
{
    [Theory]
    [InlineData("23 kbps", 23_000)]
    [InlineData("27.15kbps", 27_150)]
    [InlineData("1055 kbps", 1_055_000)]
    [InlineData("1.2 Mbps", 1_200_000)]
    [InlineData("1.8 mbps", 1_800_000)]
    [InlineData("900 bps", 900)]
    [InlineData("0 kbps", 0)]
    [InlineData("64", 64_000)]
    [InlineData(" 23 KBPS ", 23_000)]
    public void Zoom_texts_parse_to_bits_per_second(string raw, double expected)
    {
        var value = Bitrate.Parse(raw);

        Assert.Equal(QosValueState.Parsed, value.State);
        Assert.Equal(expected, value.BitsPerSecond!.Value, 6);
        Assert.Equal(expected / 1000, value.Kbps!.Value, 6);
        Assert.Equal(raw, value.Raw);
    }

    [Fact]
    public void An_empty_string_is_idle_and_null_is_absent()
    {
        Assert.Equal(QosValueState.Idle, Bitrate.Parse("").State);
        Assert.Null(Bitrate.Parse("").BitsPerSecond);
        Assert.Equal(QosValueState.Absent, Bitrate.Parse(null).State);
        Assert.Equal(default, Bitrate.Parse(null));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("12 furlongs")]
    [InlineData("-5 kbps")]
    [InlineData("1e3 kbps")]
    [InlineData("1.2.3 kbps")]
    [InlineData("kbps")]
    public void Odd_text_is_unparseable_and_kept(string raw)
    {
        var value = Bitrate.Parse(raw);

        Assert.Equal(QosValueState.Unparseable, value.State);
        Assert.Null(value.BitsPerSecond);
        Assert.Equal(raw, value.ToString());
    }

    [Fact]
    public void A_json_number_is_read_as_kbps_and_written_back_as_a_number()
    {
        var value = System.Text.Json.JsonSerializer.Deserialize("64", ZoomJsonContext.Default.Bitrate);

        Assert.Equal(64_000, value.BitsPerSecond);
        Assert.Equal("64", System.Text.Json.JsonSerializer.Serialize(value, ZoomJsonContext.Default.Bitrate));
    }

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("kbps", "Mbps", "bps", "Gbps", "ms", "%"), ZoomJsonContext.Default.Bitrate);
}
