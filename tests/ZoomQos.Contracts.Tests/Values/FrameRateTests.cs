using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class FrameRateTests
{
    [Theory]
    [InlineData("12 fps", 12)]
    [InlineData("24fps", 24)]
    [InlineData("1 fps", 1)]
    [InlineData("29.97 fps", 29.97)]
    public void Zoom_texts_parse_to_frames_per_second(string raw, double expected) =>
        Assert.Equal(expected, FrameRate.Parse(raw).Value!.Value, 9);

    [Fact]
    public void An_idle_stream_reads_idle() => Assert.Equal(QosValueState.Idle, FrameRate.Parse("").State);

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("fps", "FPS", "hz"), ZoomJsonContext.Default.FrameRate);
}
