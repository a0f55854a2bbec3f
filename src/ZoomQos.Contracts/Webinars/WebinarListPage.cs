using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Webinars;

/// <summary>One page of <c>GET /metrics/webinars</c> (the Dashboard's list of webinars; 30 a page by default, at most 300).</summary>
public sealed record WebinarListPage : InstanceListPage
{
    /// <summary>The webinar instances of this page.</summary>
    [JsonPropertyOrder(5)]
    public IReadOnlyList<WebinarSummary>? Webinars { get; init; }
}
