using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class CpuPercentTests
{
    [Theory]
    [InlineData("8%", 8)]
    [InlineData("12%", 12)]
    [InlineData("93.5%", 93.5)]
    [InlineData("100%", 100)]
    public void Zoom_texts_parse_to_percent_of_cpu(string raw, double expected) =>
        Assert.Equal(expected, CpuPercent.Parse(raw).Value!.Value, 9);

    [Fact]
    public void Unknown_text_is_unparseable() => Assert.Equal(QosValueState.Unparseable, CpuPercent.Parse("high").State);

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("%"), ZoomJsonContext.Default.CpuPercent);
}
