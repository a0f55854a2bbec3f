using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Webinars;

/// <summary>One page of <c>GET /metrics/meetings</c> (the Dashboard's list of meetings; 30 a page by default, at most 300).</summary>
public sealed record MeetingListPage : InstanceListPage
{
    /// <summary>The meeting instances of this page (the same fields as a webinar's, and a few of its own).</summary>
    [JsonPropertyOrder(5)]
    public IReadOnlyList<WebinarSummary>? Meetings { get; init; }
}
