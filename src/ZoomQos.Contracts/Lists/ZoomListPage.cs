using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Lists;

/// <summary>
/// The envelope of Zoom's paged lists: page count and size, total records and the next page's token, and any field
/// this version does not know (kept so that it is written back). Numeric fields that do not hold an integer read as
/// <see langword="null"/> (unknown) rather than failing the page.
/// </summary>
public abstract record ZoomListPage
{
    /// <summary>Pages for this page size, or <see langword="null"/> when Zoom sent something that is not a number.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    [JsonPropertyOrder(1)]
    public long? PageCount { get; init; }

    /// <summary>Records per page.</summary>
    [JsonConverter(typeof(LenientInt32JsonConverter))]
    [JsonPropertyOrder(2)]
    public int? PageSize { get; init; }

    /// <summary>Records across all pages.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    [JsonPropertyOrder(3)]
    public long? TotalRecords { get; init; }

    /// <summary>The token for the next page; <c>""</c> on the last page.</summary>
    [JsonPropertyOrder(4)]
    public string? NextPageToken { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
