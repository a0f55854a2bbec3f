using ZoomQos.Client.Errors;

namespace ZoomQos.Client.Tests;

public class RateLimitInfoTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-27T00:00:00Z", "2026-11-27T00:00:00Z")]
    [InlineData("30", "2026-11-26T15:00:30Z")]
    [InlineData("Fri, 27 Nov 2026 00:00:00 GMT", "2026-11-27T00:00:00Z")]
    public void Retry_after_is_read_in_all_three_forms(string header, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RateLimitInfo.ParseRetryAfter(header, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    public void Unreadable_retry_after_is_absent(string? header) => Assert.Null(RateLimitInfo.ParseRetryAfter(header, Now));
}
