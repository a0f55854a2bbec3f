namespace ZoomQos.Contracts.Webinars;

/// <summary>One occurrence of a webinar or a meeting (<see cref="Kind"/>), named by its UUID. An instance without an end is in progress (live).</summary>
/// <param name="Uuid">The instance UUID (24 characters of base64; may begin with <c>/</c> or contain <c>//</c>).</param>
/// <param name="WebinarId">The webinar's numeric ID (9 to 11 digits).</param>
/// <param name="AccountId">The owning account.</param>
/// <param name="Topic">The webinar topic.</param>
/// <param name="HostName">The host's name.</param>
/// <param name="HostEmail">The host's email.</param>
/// <param name="StartTime">When the instance started.</param>
/// <param name="EndTime">When it ended, or <see langword="null"/> while it is in progress.</param>
public sealed record WebinarInstance(
    string Uuid,
    long WebinarId,
    string AccountId,
    string Topic,
    string HostName,
    string HostEmail,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime)
{
    /// <summary>
    /// The webinar ID of an instance known only by its UUID (first seen in a QSS per-minute event, which names no
    /// webinar): the store gives it its real ID as soon as a summary event, the sync or an ingestion names it.
    /// </summary>
    public const long UnknownWebinarId = 0;

    /// <summary>Whether the webinar ID is still <see cref="UnknownWebinarId"/>.</summary>
    public bool WebinarIdUnknown => WebinarId == UnknownWebinarId;

    /// <summary>Whether the instance is still in progress.</summary>
    public bool IsLive => EndTime is null;

    /// <summary>
    /// Ours: the instance is known but its QoS data is withheld (a legal hold, a privacy request): the API then
    /// answers HTTP 400, code 300, "Can not access webinar info, {webinarId}." instead of its data.
    /// </summary>
    public bool DataWithheld { get; init; }

    /// <summary>Whether this is an instance of a webinar (the default) or of a meeting.</summary>
    public QosEventKind Kind { get; init; }

    /// <summary>
    /// What the Dashboard's list says of the instance beyond the fields above (quality ratings, <c>has_*</c> flags,
    /// <c>dept</c>, <c>custom_keys</c>, …), as a JSON object (<see cref="InstanceListFields"/>); <see langword="null"/> when unknown.
    /// </summary>
    public string? ListFields { get; init; }

    /// <summary>Whether this is an instance of a meeting.</summary>
    public bool IsMeeting => Kind == QosEventKind.Meeting;
}
