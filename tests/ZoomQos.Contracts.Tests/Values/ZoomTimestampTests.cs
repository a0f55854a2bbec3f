using CsCheck;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class ZoomTimestampTests
{
    [Fact]
    public void Zooms_form_parses_to_utc()
    {
        var value = ZoomTimestamp.Parse("2021-06-24T20:00:00Z");

        Assert.Equal(new DateTimeOffset(2021, 6, 24, 20, 0, 0, TimeSpan.Zero), value.Value);
    }

    [Theory]
    [InlineData("2021-06-24T20:00:00.123Z")]
    [InlineData("2021-06-24T22:00:00+02:00")]
    [InlineData("2021-06-24 20:00:00")]
    public void Other_iso_forms_parse_and_keep_their_text(string raw)
    {
        var value = ZoomTimestamp.Parse(raw);

        Assert.Equal(QosValueState.Parsed, value.State);
        Assert.Equal(new DateTime(2021, 6, 24, 20, 0, 0, DateTimeKind.Utc), value.Value!.Value.UtcDateTime.AddTicks(-(value.Value.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(raw, value.Raw);
    }

    [Theory]
    [InlineData("2021-02-30T20:00:00Z")]
    [InlineData("2021-06-24T25:00:00Z")]
    [InlineData("yesterday")]
    public void Impossible_dates_are_unparseable(string raw) => Assert.Equal(QosValueState.Unparseable, ZoomTimestamp.Parse(raw).State);

    [Fact]
    public void An_empty_leave_time_is_idle() => Assert.Equal(QosValueState.Idle, ZoomTimestamp.Parse("").State);

    [Fact]
    public void Made_from_an_instant_it_is_written_in_zooms_form() =>
        Assert.Equal("2026-03-02T15:04:00Z", ZoomTimestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 2, 16, 4, 0, 500, TimeSpan.FromHours(1))).Raw);

    [Fact]
    public void No_string_makes_it_throw_and_every_value_writes_back_its_input() =>
        ValueProperties.Hold(
            Gen.OneOf(
                ValueProperties.ZoomLike("Z"),
                Gen.DateTime.Select(d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))),
            ZoomJsonContext.Default.ZoomTimestamp);
}
