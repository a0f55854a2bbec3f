using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Server.Faults;
using ZoomQos.Server.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>
/// Every row of the contract's error table (section 5), the OAuth error and an ingestion error, byte for byte: Zoom
/// writes an apostrophe as an apostrophe, and so does the server (only what JSON requires is escaped).
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class ErrorBodyTests(DemoServer demo)
{
    private const string AllHands = "/v2/metrics/webinars/81234567890/participants/qos";
    private const string WithheldUuid = "Withheld+Uuid/Bytes00w==";

    public static TheoryData<string, string, HttpStatusCode, string> Rows => new()
    {
        { "unknown webinar", "/v2/metrics/webinars/99999999999/participants/qos?type=past", HttpStatusCode.NotFound, """{"code":3001,"message":"This webinar's detail is not available or the Webinar ID is not valid. This webinar has not ended yet."}""" },
        { "unknown participant", "/v2/metrics/webinars/81234567890/participants/nobody/qos?type=past", HttpStatusCode.NotFound, """{"code":3001,"message":"This webinar's detail info is not available or ID is not valid."}""" },
        { "beyond retention", "/v2/metrics/webinars/81234567893/participants/qos?type=past", HttpStatusCode.BadRequest, """{"code":12702,"message":"Can not access a webinar a year ago."}""" },
        { "bad page token", AllHands + "?type=past&next_page_token=not-a-token", HttpStatusCode.BadRequest, """{"code":300,"message":"The next page token is invalid or expired."}""" },
        { "validation", AllHands + "?type=past&page_size=11", HttpStatusCode.BadRequest, """{"code":300,"message":"Validation Failed.","errors":[{"field":"page_size","message":"Invalid field."}]}""" },
    };

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public async Task A_row_of_the_error_table_is_written_exactly_as_zoom_writes_it(string row, string pathAndQuery, HttpStatusCode status, string body)
    {
        var answer = await Required().GetAsync(pathAndQuery, await demo.Api.TokenAsync());

        AssertBody(row, status, body, answer);
    }

    [SkippableFact]
    public async Task The_rows_about_the_caller_are_written_exactly_as_zoom_writes_them()
    {
        var api = Required();
        var pro = await api.TokenAsync("demo-pro-client-id", "demo-pro-client-secret", "demo-pro");
        var noScope = await api.TokenAsync("demo-noscope-client-id", "demo-noscope-client-secret");

        AssertBody("not paid", HttpStatusCode.BadRequest, """{"code":200,"message":"Only available for paid account and enabled Dashboard feature."}""", await api.GetAsync(AllHands + "?type=past", pro));
        AssertBody("invalid token", HttpStatusCode.Unauthorized, """{"code":124,"message":"Invalid access token."}""", await api.GetAsync(AllHands + "?type=past", "not-a-token"));
        AssertBody("missing scopes", HttpStatusCode.BadRequest, """{"code":4711,"message":"Invalid access token, does not contain scopes:[dashboard_webinars:read:admin, dashboard:read:admin, dashboard:read:list_webinar_participants_qos:admin]."}""", await api.GetAsync(AllHands + "?type=past", noScope));
        AssertBody("oauth", HttpStatusCode.Unauthorized, """{"reason":"Invalid client_id or client_secret","error":"invalid_client"}""", await api.OAuthAsync("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "wrong"));
    }

    [SkippableFact]
    public async Task An_expired_token_is_answered_exactly_as_zoom_answers_it()
    {
        Required();
        var time = new FakeTimeProvider(demo.Time.GetUtcNow());
        await using var server = await DemoServers.StartAsync(demo.Store, time);
        using var api = new ZoomApi(server.BaseAddress);
        var token = await api.TokenAsync();

        time.Advance(TimeSpan.FromHours(2));

        AssertBody("expired token", HttpStatusCode.Unauthorized, """{"code":124,"message":"Access token is expired."}""", await api.GetAsync(AllHands + "?type=past", token));
    }

    [SkippableFact]
    public async Task The_rate_limit_rows_are_written_exactly_as_zoom_writes_them()
    {
        Required();
        await using var limited = await demo.StartAnotherAsync(o => o with { RateLimits = true });
        await using var daily = await demo.StartAnotherAsync(o => o with { Faults = FaultSpec.Parse("429-daily:100") });
        var token = await limited.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 41).Select(_ => limited.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", token)));

        AssertBody("per second", HttpStatusCode.TooManyRequests, """{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""", answers.Single(a => a.Status == HttpStatusCode.TooManyRequests));
        AssertBody("daily", HttpStatusCode.TooManyRequests, """{"code":429,"message":"You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request."}""", await daily.GetAsync(AllHands + "?type=past", await daily.TokenAsync()));
    }

    [SkippableFact]
    public async Task Withheld_data_and_a_refused_ingestion_line_are_written_with_their_characters_as_they_are()
    {
        var api = Required();
        var ingest = await api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");
        var instance = "/v2/ingest/instances/" + Uri.EscapeDataString(Uri.EscapeDataString(WithheldUuid));
        var end = demo.Time.GetUtcNow().AddDays(-20);
        await api.SendAsync(HttpMethod.Put, instance, ingest, new StringContent($$"""{"webinar_id":81234567996,"start_time":"{{end.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}","end_time":"{{end:yyyy-MM-ddTHH:mm:ssZ}}","data_withheld":true}""", Encoding.UTF8, "application/json"));

        var withheld = await api.GetAsync("/v2/metrics/webinars/81234567996/participants/qos?type=past", await api.TokenAsync());
        var refused = await api.SendAsync(HttpMethod.Post, instance + "/participants", ingest, new StringContent("{\"user_id\":\"O'Brien\", x}\n", Encoding.UTF8, "application/x-ndjson"));

        AssertBody("withheld", HttpStatusCode.BadRequest, """{"code":300,"message":"Can not access webinar info, 81234567996."}""", withheld);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Text.StartsWith("{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"line 1\",\"message\":\"", StringComparison.Ordinal), refused.Text);
        Assert.Contains("'x'", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", refused.Text, StringComparison.Ordinal);
    }

    private ZoomApi Required() => demo.RequireAvailable().Api;

    private static void AssertBody(string row, HttpStatusCode status, string body, ZoomApi.Answer answer)
    {
        Assert.True(answer.Status == status, $"{row}: HTTP {(int)answer.Status}, not {(int)status}: {answer.Text}");
        Assert.Equal(Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(answer.Text));
    }
}
