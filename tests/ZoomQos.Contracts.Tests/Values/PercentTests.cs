using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class PercentTests
{
    [Theory]
    [InlineData("0.3%", 0.3)]
    [InlineData("1.9%", 1.9)]
    [InlineData("0.0%", 0)]
    [InlineData("11%", 11)]
    [InlineData("4.9 %", 4.9)]
    public void Zoom_texts_parse_to_percent(string raw, double expected)
    {
        var value = Percent.Parse(raw);

        Assert.Equal(QosValueState.Parsed, value.State);
        Assert.Equal(expected, value.Value!.Value, 9);
    }

    [Fact]
    public void The_invariant_culture_is_used_so_a_comma_is_not_a_decimal_point()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(0.3, Percent.Parse("0.3%").Value);
            Assert.Equal(QosValueState.Unparseable, Percent.Parse("0,3%").State);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(ValueProperties.ZoomLike("%", "ms", "pct"), ZoomJsonContext.Default.Percent);
}
