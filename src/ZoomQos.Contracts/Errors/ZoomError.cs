using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Errors;

/// <summary>Zoom's error body, <c>{"code":3001,"message":"…"}</c>; validation failures add <see cref="Errors"/>.</summary>
public sealed record ZoomError
{
    /// <summary>Zoom's error code (3001, 12702, 300, 200, 124, 4711, 429).</summary>
    public int Code { get; init; }

    /// <summary>Zoom's message.</summary>
    public string? Message { get; init; }

    /// <summary>The fields that failed validation.</summary>
    public IReadOnlyList<ZoomFieldError>? Errors { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
