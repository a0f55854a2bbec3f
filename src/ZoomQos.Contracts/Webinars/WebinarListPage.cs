using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Webinars;

/// <summary>One page of <c>GET /metrics/webinars</c> (the Dashboard's list of webinars).</summary>
public sealed record WebinarListPage
{
    /// <summary>Start of the queried range (<c>yyyy-mm-dd</c>).</summary>
    public string? From { get; init; }

    /// <summary>End of the queried range (<c>yyyy-mm-dd</c>).</summary>
    public string? To { get; init; }

    /// <summary>Pages for this page size.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? PageCount { get; init; }

    /// <summary>Webinars per page (default 30, at most 300).</summary>
    [JsonConverter(typeof(LenientInt32JsonConverter))]
    public int? PageSize { get; init; }

    /// <summary>Webinars across all pages.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? TotalRecords { get; init; }

    /// <summary>The token for the next page; <c>""</c> on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>The webinar instances of this page.</summary>
    public IReadOnlyList<WebinarSummary>? Webinars { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
