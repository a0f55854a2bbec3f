using System.Net;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>Server-to-Server OAuth (contract section 7) over real HTTP.</summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class OAuthConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    private ZoomApi Api => demo.Api;

    [SkippableFact]
    public async Task Account_credentials_give_a_bearer_token_for_an_hour_with_the_apps_scopes()
    {
        var answer = await Api.OAuthAsync("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "demo-client-secret");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("bearer", answer.Json!["token_type"]!.GetValue<string>());
        Assert.Equal(3600, answer.Json["expires_in"]!.GetValue<int>());
        Assert.Equal("dashboard_webinars:read:admin dashboard_meetings:read:admin", answer.Json["scope"]!.GetValue<string>());
        Assert.StartsWith("http://127.0.0.1:", answer.Json["api_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(answer.Json["access_token"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task The_parameters_may_come_as_a_form_body_and_tokens_coexist()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "account_credentials", ["account_id"] = "demo" });
        var first = await Api.OAuthAsync("/oauth/token", "demo-client-id", "demo-client-secret", form);
        var second = await Api.TokenAsync();

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var a = await Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", first.Json!["access_token"]!.GetValue<string>());
        var b = await Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", second);
        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(HttpStatusCode.OK, b.Status);
    }

    [SkippableTheory]
    [InlineData("/oauth/token?grant_type=client_credentials&account_id=demo", "demo-client-id", "demo-client-secret", 400, "unsupported_grant_type", "Unsupported grant type")]
    [InlineData("/oauth/token?account_id=demo", "demo-client-id", "demo-client-secret", 400, "unsupported_grant_type", "Unsupported grant type")]
    [InlineData("/oauth/token?grant_type=account_credentials&account_id=nobody", "demo-client-id", "demo-client-secret", 400, "invalid_request", "Invalid request : Account does not exist.")]
    [InlineData("/oauth/token?grant_type=account_credentials", "demo-client-id", "demo-client-secret", 400, "invalid_request", "Invalid request : account_id is required.")]
    [InlineData("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "wrong-secret", 401, "invalid_client", "Invalid client_id or client_secret")]
    [InlineData("/oauth/token?grant_type=account_credentials&account_id=demo", "nobody", "demo-client-secret", 401, "invalid_client", "Invalid client_id or client_secret")]
    [InlineData("/oauth/token?grant_type=account_credentials&account_id=demo", null, null, 401, "invalid_client", "Invalid client_id or client_secret")]
    [InlineData("/oauth/token?grant_type=account_credentials&account_id=demo-pro", "demo-client-id", "demo-client-secret", 401, "invalid_client", "Invalid client_id or client_secret")]
    public async Task Failures_use_the_oauth_shape(string pathAndQuery, string? client, string? secret, int status, string error, string reason)
    {
        var answer = await Api.OAuthAsync(pathAndQuery, client, secret);

        Assert.Equal(status, (int)answer.Status);
        Assert.Equal(error, answer.Json!["error"]!.GetValue<string>());
        Assert.Equal(reason, answer.Json["reason"]!.GetValue<string>());
        Assert.DoesNotContain("secret", answer.Text.Replace("client_secret", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task A_malformed_basic_header_is_invalid_client()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token?grant_type=account_credentials&account_id=demo");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic !!!not-base64");

        var answer = await Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.Json!["error"]!.GetValue<string>());
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class OAuthConformanceOnSqlite(DemoServer demo) : OAuthConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class OAuthConformanceOnPostgres(PostgresDemoServer demo) : OAuthConformanceTests(demo);
