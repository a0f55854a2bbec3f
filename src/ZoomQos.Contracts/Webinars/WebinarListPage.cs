using System.Text.Json.Serialization;
using ZoomQos.Contracts.Lists;

namespace ZoomQos.Contracts.Webinars;

/// <summary>One page of <c>GET /metrics/webinars</c> (the Dashboard's list of webinars; 30 a page by default, at most 300).</summary>
public sealed record WebinarListPage : ZoomListPage
{
    /// <summary>Start of the queried range (<c>yyyy-mm-dd</c>).</summary>
    [JsonPropertyOrder(-2)]
    public string? From { get; init; }

    /// <summary>End of the queried range (<c>yyyy-mm-dd</c>).</summary>
    [JsonPropertyOrder(-1)]
    public string? To { get; init; }

    /// <summary>The webinar instances of this page.</summary>
    [JsonPropertyOrder(5)]
    public IReadOnlyList<WebinarSummary>? Webinars { get; init; }
}
