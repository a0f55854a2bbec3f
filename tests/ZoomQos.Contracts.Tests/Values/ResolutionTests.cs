using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class ResolutionTests
{
    [Theory]
    [InlineData("1280*720", 1280, 720)]
    [InlineData("640*360", 640, 360)]
    [InlineData("1920x1080", 1920, 1080)]
    [InlineData(" 320 * 180 ", 320, 180)]
    public void Zoom_texts_parse_to_width_and_height(string raw, int width, int height)
    {
        var value = Resolution.Parse(raw);

        Assert.Equal(QosValueState.Parsed, value.State);
        Assert.Equal(width, value.Width);
        Assert.Equal(height, value.Height);
    }

    [Theory]
    [InlineData("0*0")]
    [InlineData("")]
    public void An_idle_stream_reads_idle(string raw)
    {
        var value = Resolution.Parse(raw);

        Assert.Equal(QosValueState.Idle, value.State);
        Assert.Null(value.Height);
        Assert.Equal(raw, value.Raw);
    }

    [Theory]
    [InlineData("720p")]
    [InlineData("*720")]
    [InlineData("1280*")]
    [InlineData("12800000*720")]
    [InlineData("-1*5")]
    public void Odd_text_is_unparseable(string raw) => Assert.Equal(QosValueState.Unparseable, Resolution.Parse(raw).State);

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("*720", "x360", ""), ZoomJsonContext.Default.Resolution);
}
