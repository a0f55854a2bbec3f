using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Qos;

/// <summary>
/// One page of <c>GET /metrics/webinars/{webinarId}/participants/qos</c>. Numeric envelope fields that do not
/// hold an integer read as <see langword="null"/> (unknown) rather than failing the page.
/// </summary>
public sealed record ParticipantQosPage
{
    /// <summary>Pages for this page size, or <see langword="null"/> when Zoom sent something that is not a number.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? PageCount { get; init; }

    /// <summary>Participants per page (at most 10).</summary>
    [JsonConverter(typeof(LenientInt32JsonConverter))]
    public int? PageSize { get; init; }

    /// <summary>Participant records (join sessions) across all pages.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? TotalRecords { get; init; }

    /// <summary>The token for the next page; <c>""</c> on the last page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>The webinar number (2026 reference).</summary>
    public string? WebinarNumber { get; init; }

    /// <summary>The participants of this page, one per join session.</summary>
    public IReadOnlyList<ParticipantQos>? Participants { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
