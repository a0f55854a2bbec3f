using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.OAuth;

/// <summary>The OAuth failure body: <c>{"reason":"Invalid client_id or client_secret","error":"invalid_client"}</c>.</summary>
public sealed record OAuthError
{
    /// <summary>The human-readable reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The OAuth error code (<c>invalid_client</c>, <c>invalid_request</c>, <c>unsupported_grant_type</c>).</summary>
    public string? Error { get; init; }

    /// <summary>Fields this version does not know.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
