using System.Text.Json;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class RssiTests
{
    [Theory]
    [InlineData("-45", -45)]
    [InlineData("-71 dBm", -71)]
    [InlineData("-58dbm", -58)]
    public void Strings_parse_to_dbm(string raw, double expected) => Assert.Equal(expected, Rssi.Parse(raw).Dbm);

    [Fact]
    public void Zoom_sends_integers_and_they_are_written_back_as_integers()
    {
        var value = JsonSerializer.Deserialize("-45", ZoomJsonContext.Default.Rssi);

        Assert.Equal(-45, value.Dbm);
        Assert.True(value.RawIsJsonLiteral);
        Assert.Equal("-45", JsonSerializer.Serialize(value, ZoomJsonContext.Default.Rssi));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2]")]
    [InlineData("-4.5e1")]
    public void Other_literals_are_kept_verbatim_but_unparseable(string json)
    {
        var value = JsonSerializer.Deserialize(json, ZoomJsonContext.Default.Rssi);

        Assert.Equal(QosValueState.Unparseable, value.State);
        Assert.Equal(json, JsonSerializer.Serialize(value, ZoomJsonContext.Default.Rssi));
    }

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("dBm", ""), ZoomJsonContext.Default.Rssi);
}
