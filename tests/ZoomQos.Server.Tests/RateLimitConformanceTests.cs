using System.Globalization;
using System.Net;
using ZoomQos.Server.RateLimiting;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>Rate limits over real HTTP: 429 with Zoom's body and headers, Retry-After in each configured form.</summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class RateLimitConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    [SkippableTheory]
    [InlineData(RetryAfterFormat.Iso8601)]
    [InlineData(RetryAfterFormat.Seconds)]
    [InlineData(RetryAfterFormat.HttpDate)]
    [InlineData(RetryAfterFormat.None)]
    public async Task Past_40_requests_in_a_second_a_business_account_gets_429_with_zooms_headers(RetryAfterFormat format)
    {
        await using var api = await demo.StartAnotherAsync(o => o with { RateLimits = true, RetryAfter = format });
        var token = await api.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", token)));
        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();

        // The server's clock (a fake one here) stands still: all 60 fall in one window, which admits exactly 40.
        Assert.Equal(40, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.NotEmpty(limited);
        var one = limited[0];
        Assert.Equal(429, one.Code);
        Assert.Equal("You have reached the maximum per-second rate limit for this API. Try again later.", one.Message);
        Assert.Equal("Heavy", one.Headers["X-RateLimit-Category"]);
        Assert.Equal("QPS", one.Headers["X-RateLimit-Type"]);
        Assert.Equal("40", one.Headers["X-RateLimit-Limit"]);
        Assert.Equal("0", one.Headers["X-RateLimit-Remaining"]);
        switch (format)
        {
            case RetryAfterFormat.Iso8601:
                Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", one.Headers["Retry-After"]);
                break;
            case RetryAfterFormat.Seconds:
                Assert.InRange(int.Parse(one.Headers["Retry-After"], CultureInfo.InvariantCulture), 1, 2);
                break;
            case RetryAfterFormat.HttpDate:
                Assert.EndsWith(" GMT", one.Headers["Retry-After"], StringComparison.Ordinal);
                break;
            default:
                Assert.False(one.Headers.ContainsKey("Retry-After"));
                break;
        }
    }

    [SkippableFact]
    public async Task List_webinars_is_resource_intensive_at_20_a_minute_for_business()
    {
        await using var api = await demo.StartAnotherAsync(o => o with { RateLimits = true });
        var token = await api.TokenAsync();

        var answers = new List<ZoomApi.Answer>();
        for (var i = 0; i < 22; i++)
        {
            answers.Add(await api.GetAsync("/v2/metrics/webinars", token));
        }

        Assert.Equal(20, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal("Resource-intensive", answers[^1].Headers["X-RateLimit-Category"]);
        Assert.Equal(429, answers[^1].Code);
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class RateLimitConformanceOnSqlite(DemoServer demo) : RateLimitConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class RateLimitConformanceOnPostgres(PostgresDemoServer demo) : RateLimitConformanceTests(demo);
