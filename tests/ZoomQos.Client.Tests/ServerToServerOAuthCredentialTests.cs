using System.Net;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Client.Credentials;
using ZoomQos.Client.Errors;

namespace ZoomQos.Client.Tests;

public class ServerToServerOAuthCredentialTests
{
    [Fact]
    public async Task A_token_is_cached_until_60_seconds_before_expiry_and_fetched_once_under_concurrency()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var issued = 0;
        using var stub = new StubHandler(_ => StubHandler.Json($$"""{"access_token":"t{{Interlocked.Increment(ref issued)}}","token_type":"bearer","expires_in":3600}"""));
        using var http = new HttpClient(stub);
        using var credential = new ServerToServerOAuthCredential("acct", "client", "s3cret", new Uri("https://zoom.test/oauth/token"), http, time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => credential.GetTokenAsync(false, CancellationToken.None).AsTask()));
        time.Advance(TimeSpan.FromSeconds(3539));
        var stillCached = await credential.GetTokenAsync(false, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var renewed = await credential.GetTokenAsync(false, CancellationToken.None);

        Assert.All(tokens, t => Assert.Equal("t1", t));
        Assert.Equal("t1", stillCached);
        Assert.Equal("t2", renewed);
        Assert.Equal("Basic", stub.Requests[0].Headers.Authorization!.Scheme);
        Assert.Equal("https://zoom.test/oauth/token?grant_type=account_credentials&account_id=acct", stub.Requests[0].RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Refused_credentials_fail_with_a_message_that_never_holds_the_secret()
    {
        using var stub = new StubHandler(_ => StubHandler.Json("""{"reason":"Invalid client_id or client_secret","error":"invalid_client"}""", HttpStatusCode.Unauthorized));
        using var http = new HttpClient(stub);
        using var credential = new ServerToServerOAuthCredential("acct", "client", "very-secret-value", new Uri("https://zoom.test/oauth/token"), http);

        var error = await Assert.ThrowsAsync<ZoomAuthenticationException>(() => credential.GetTokenAsync(false, CancellationToken.None).AsTask());

        Assert.Contains("Invalid client_id or client_secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", credential.ToString(), StringComparison.Ordinal);
    }
}
