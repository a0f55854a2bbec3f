using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class MillisecondsTests
{
    [Theory]
    [InlineData("126 ms", 126)]
    [InlineData("0ms", 0)]
    [InlineData("6 ms", 6)]
    [InlineData("12.5 ms", 12.5)]
    [InlineData("1.5 s", 1500)]
    [InlineData("40", 40)]
    public void Zoom_texts_parse_to_milliseconds(string raw, double expected)
    {
        var value = Milliseconds.Parse(raw);

        Assert.Equal(QosValueState.Parsed, value.State);
        Assert.Equal(expected, value.Value!.Value, 9);
    }

    [Theory]
    [InlineData("", QosValueState.Idle)]
    [InlineData("   ", QosValueState.Idle)]
    [InlineData("soon", QosValueState.Unparseable)]
    [InlineData("12 fps", QosValueState.Unparseable)]
    public void Empty_is_idle_and_other_units_are_unparseable(string raw, QosValueState expected) =>
        Assert.Equal(expected, Milliseconds.Parse(raw).State);

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("ms", "s", "fps"), ZoomJsonContext.Default.Milliseconds);
}
