using System.Net;
using ZoomQos.Client.Credentials;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Client.Tests;

/// <summary>What the pipeline retries, what it refreshes, and what it gives up on at once.</summary>
public class RetryAndRefreshTests
{
    private const string OnePage = """{"total_records":1,"next_page_token":"","participants":[{"user_id":"1"}]}""";

    [Fact]
    public async Task A_401_with_code_124_refreshes_the_token_once_and_replays()
    {
        var issued = 0;
        using var tokens = new StubHandler(_ => StubHandler.Json($$"""{"access_token":"token-{{Interlocked.Increment(ref issued)}}","expires_in":3600}"""));
        using var tokenHttp = new HttpClient(tokens);
        using var credential = new ServerToServerOAuthCredential("acct", "client", "secret", new Uri("https://zoom.test/oauth/token"), tokenHttp);
        var sent = new List<string>();
        using var api = new StubHandler(request =>
        {
            sent.Add(request.Headers.Authorization!.Parameter!);
            return request.Headers.Authorization.Parameter == "token-1"
                ? StubHandler.Json("""{"code":124,"message":"Access token is expired."}""", HttpStatusCode.Unauthorized)
                : StubHandler.Json(OnePage);
        });
        using var client = new ZoomQosClient(credential, Options(api));

        var participants = await client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).ToListAsync();

        Assert.Single(participants);
        Assert.Equal(2, issued);
        Assert.Equal(["token-1", "token-2"], sent);
    }

    [Fact]
    public async Task A_daily_limit_resetting_beyond_the_maximum_wait_fails_fast_with_its_details()
    {
        using var api = new StubHandler(_ =>
        {
            var response = StubHandler.Json("""{"code":429,"message":"You have reached the maximum daily rate limit for this API."}""", HttpStatusCode.TooManyRequests);
            response.Headers.Add("X-RateLimit-Category", "Heavy");
            response.Headers.Add("X-RateLimit-Type", "Daily-limit");
            response.Headers.Add("X-RateLimit-Limit", "60000");
            response.Headers.Add("X-RateLimit-Remaining", "0");
            response.Headers.TryAddWithoutValidation("Retry-After", DateTimeOffset.UtcNow.AddHours(6).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });
        using var client = new ZoomQosClient(new StaticTokenCredential("t"), Options(api));

        var error = await Assert.ThrowsAsync<ZoomRateLimitExceededException>(async () => await client.GetWebinarParticipantsQosAsync("81234567890").ToListAsync());

        Assert.Single(api.Requests);
        Assert.True(error.RateLimit!.IsDaily);
        Assert.Equal("Heavy", error.RateLimit.Category);
        Assert.Equal(60000, error.RateLimit.Limit);
        Assert.Equal(0, error.RateLimit.Remaining);
        Assert.True(error.RateLimit.RetryAt > DateTimeOffset.UtcNow.AddHours(5));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"code":300,"message":"Validation Failed."}""")]
    [InlineData(HttpStatusCode.NotFound, """{"code":3001,"message":"This webinar's detail is not available."}""")]
    [InlineData(HttpStatusCode.Forbidden, "not json")]
    public async Task Other_4xx_are_never_retried(HttpStatusCode status, string body)
    {
        using var api = new StubHandler(_ => StubHandler.Json(body, status));
        using var client = new ZoomQosClient(new StaticTokenCredential("t"), Options(api));

        var error = await Assert.ThrowsAsync<ZoomApiException>(async () => await client.GetWebinarParticipantsQosAsync("81234567890").ToListAsync());

        Assert.Single(api.Requests);
        Assert.Equal((int)status, error.Status);
    }

    [Fact]
    public async Task Server_errors_and_a_429_without_retry_after_are_retried_until_a_page_comes()
    {
        var calls = 0;
        using var api = new StubHandler(_ => Interlocked.Increment(ref calls) switch
        {
            1 => StubHandler.Json("{}", HttpStatusCode.InternalServerError),
            2 => StubHandler.Json("{}", HttpStatusCode.BadGateway),
            3 => StubHandler.Json("""{"code":429,"message":"slow down"}""", HttpStatusCode.TooManyRequests),
            _ => StubHandler.Json(OnePage),
        });
        using var client = new ZoomQosClient(new StaticTokenCredential("t"), Options(api));

        Assert.Single(await client.GetWebinarParticipantsQosAsync("81234567890").ToListAsync());
        Assert.Equal(4, calls);
    }

    private static ZoomQosClientOptions Options(HttpMessageHandler transport) => new()
    {
        BaseUri = new Uri("https://api.zoom.test/v2"),
        Transport = transport,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RatePlan = null,
    };
}
