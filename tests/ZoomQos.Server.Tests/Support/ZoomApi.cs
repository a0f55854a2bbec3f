using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ZoomQos.Server.Tests.Support;

/// <summary>A thin HTTP helper for the conformance tests: real requests, raw answers.</summary>
/// <remarks>One made by <see cref="DemoServer.StartAnotherAsync"/> owns its server and stops it when disposed.</remarks>
public sealed class ZoomApi(Uri baseAddress, IAsyncDisposable? server = null) : IDisposable, IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { BaseAddress = baseAddress };

    public Uri BaseAddress => baseAddress;

    public async Task<string> TokenAsync(string client = "demo-client-id", string secret = "demo-client-secret", string account = "demo")
    {
        var response = await OAuthAsync($"/oauth/token?grant_type=account_credentials&account_id={account}", client, secret);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json!["access_token"]!.GetValue<string>();
    }

    public async Task<Answer> OAuthAsync(string pathAndQuery, string? client, string? secret, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = body };
        if (client is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client}:{secret}")));
        }

        return await SendAsync(request);
    }

    public Task<Answer> GetAsync(string pathAndQuery, string? token) => SendAsync(Request(HttpMethod.Get, pathAndQuery, token));

    public Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? token, HttpContent? body = null)
    {
        var request = Request(method, pathAndQuery, token);
        request.Content = body;
        return SendAsync(request);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? json = null;
            try
            {
                json = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (System.Text.Json.JsonException)
            {
            }

            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new Answer(response.StatusCode, json, text, headers);
        }
    }

    public void Dispose() => _http.Dispose();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string pathAndQuery, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return request;
    }

    public sealed record Answer(HttpStatusCode Status, JsonNode? Json, string Text, IReadOnlyDictionary<string, string> Headers)
    {
        public int? Code => Json?["code"]?.GetValue<int>();

        public string? Message => Json?["message"]?.GetValue<string>();
    }
}
