using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Qos;

/// <summary>
/// One participant's line of <c>GET /metrics/webinars/{webinarId}/participants/qos_summary</c> (Zoom's QSS API): per
/// stream, the minimum, average and maximum of each measure over the session.
/// </summary>
public sealed record ParticipantQosSummary
{
    /// <summary>The participant's Zoom user id (empty for guests).</summary>
    public string? Id { get; init; }

    /// <summary>The in-webinar participant id (the list's <c>user_id</c>).</summary>
    public string? ParticipantId { get; init; }

    /// <summary>The display name (blank with privacy blanking).</summary>
    public string? UserName { get; init; }

    /// <summary>The email (blank with privacy blanking or for guests).</summary>
    public string? Email { get; init; }

    /// <summary>One element per stream.</summary>
    public IReadOnlyList<QosSummaryItem>? Qos { get; init; }
}

/// <summary>One stream of a participant's summary.</summary>
public sealed record QosSummaryItem
{
    /// <summary>The stream: <c>audio_input</c>, <c>video_output</c>, <c>cpu_usage</c>, …</summary>
    public string? Type { get; init; }

    /// <summary>Its measures as Zoom writes them: <c>min_latency</c> → <c>"12 ms"</c>, …</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}

/// <summary>One page of participant summaries (1 to 10 a page).</summary>
public sealed record ParticipantQosSummaryPage
{
    /// <summary>The token of the next page; empty on the last.</summary>
    [JsonPropertyOrder(0)]
    public string? NextPageToken { get; init; }

    /// <summary>The page size asked for.</summary>
    [JsonPropertyOrder(1)]
    public int PageSize { get; init; }

    /// <summary>This page's participants.</summary>
    [JsonPropertyOrder(2)]
    public IReadOnlyList<ParticipantQosSummary>? Participants { get; init; }
}
