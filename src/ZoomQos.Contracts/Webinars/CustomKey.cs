using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Webinars;

/// <summary>A custom key and value that an account attached to a webinar.</summary>
public sealed record CustomKey
{
    /// <summary>The key.</summary>
    public string? Key { get; init; }

    /// <summary>The value.</summary>
    public string? Value { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
