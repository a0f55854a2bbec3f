using System.Text.Json.Serialization;
using ZoomQos.Contracts.Lists;

namespace ZoomQos.Contracts.Qos;

/// <summary>One page of <c>GET /metrics/webinars/{webinarId}/participants/qos</c> or of the meeting one (at most 10 participants a page).</summary>
public sealed record ParticipantQosPage : ZoomListPage
{
    /// <summary>The webinar number (2026 reference).</summary>
    [JsonPropertyOrder(5)]
    public string? WebinarNumber { get; init; }

    /// <summary>The meeting number (a meeting's page has this instead of <see cref="WebinarNumber"/>).</summary>
    [JsonPropertyOrder(5)]
    public string? MeetingNumber { get; init; }

    /// <summary>The participants of this page, one per join session.</summary>
    [JsonPropertyOrder(6)]
    public IReadOnlyList<ParticipantQos>? Participants { get; init; }
}
