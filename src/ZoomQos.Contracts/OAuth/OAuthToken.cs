using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.OAuth;

/// <summary>The success body of Server-to-Server OAuth (<c>POST /oauth/token</c>, grant <c>account_credentials</c>).</summary>
public sealed record OAuthToken
{
    /// <summary>The bearer token. Never log it.</summary>
    public string? AccessToken { get; init; }

    /// <summary><c>bearer</c>.</summary>
    public string? TokenType { get; init; }

    /// <summary>Seconds until the token expires (3600).</summary>
    public int ExpiresIn { get; init; }

    /// <summary>The granted scopes, space-separated.</summary>
    public string? Scope { get; init; }

    /// <summary>The API host to use with this token, e.g. <c>https://api.zoom.us</c>.</summary>
    public string? ApiUrl { get; init; }

    /// <summary>Fields this version does not know.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The granted scopes as a list.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Scopes => Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Keeps the token out of logs and exception messages.</summary>
    public override string ToString() => $"OAuthToken {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, Scope = {Scope} }}";
}
