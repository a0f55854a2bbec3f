using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;

namespace ZoomQos.Contracts.Tests.Qos;

public class OAuthTokenTests
{
    private const string Json = """{"access_token":"eyJzZWNyZXQ","token_type":"bearer","expires_in":3600,"scope":"dashboard_webinars:read:admin dashboard:read:admin","api_url":"https://api.zoom.us"}""";

    [Fact]
    public void The_token_response_reads_and_round_trips()
    {
        var token = JsonSerializer.Deserialize(Json, ZoomJsonContext.Default.OAuthToken)!;

        Assert.Equal(3600, token.ExpiresIn);
        Assert.Equal(["dashboard_webinars:read:admin", "dashboard:read:admin"], token.Scopes);
        JsonAssert.Equal(JsonNode.Parse(Json), JsonSerializer.Serialize(token, ZoomJsonContext.Default.OAuthToken));
    }

    [Fact]
    public void ToString_never_shows_the_access_token() =>
        Assert.DoesNotContain("eyJzZWNyZXQ", JsonSerializer.Deserialize(Json, ZoomJsonContext.Default.OAuthToken)!.ToString(), StringComparison.Ordinal);

    [Fact]
    public void The_oauth_error_shape_reads()
    {
        var error = JsonSerializer.Deserialize("""{"reason":"Invalid client_id or client_secret","error":"invalid_client"}""", ZoomJsonContext.Default.OAuthError)!;

        Assert.Equal("invalid_client", error.Error);
        Assert.Equal("Invalid client_id or client_secret", error.Reason);
    }
}
