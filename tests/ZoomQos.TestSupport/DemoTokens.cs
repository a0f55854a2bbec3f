using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ZoomQos.TestSupport;

/// <summary>An access token of a demo app, asked for as Zoom's Server-to-Server OAuth is (Basic auth, account_credentials).</summary>
public static class DemoTokens
{
    /// <summary>A token from the server at <paramref name="server"/> (its root; the token URL is <c>/oauth/token</c>).</summary>
    public static async Task<string> RequestAsync(HttpClient http, Uri server, string clientId = "demo-client-id", string secret = "demo-client-secret", string account = "demo")
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/oauth/token?grant_type=account_credentials&account_id=" + Uri.EscapeDataString(account)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
