using System.Globalization;
using ZoomQos.Client.Http;
using ZoomQos.Client.Paging;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Client;

/// <summary>Meetings, and the walks of either kind: Zoom's meeting QoS routes have the webinar ones' shape and rules.</summary>
public partial class ZoomQosClient
{
    /// <summary>
    /// Every participant session's QoS of a meeting: <c>GET /metrics/meetings/{meetingId}/participants/qos</c>.
    /// A numeric ID means the latest instance (in progress for live, last ended for past); a UUID names one.
    /// </summary>
    /// <param name="meetingId">The meeting ID or instance UUID, as Zoom gives it (the client encodes it).</param>
    /// <param name="type">Live (Zoom's default) or past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantQos> GetMeetingParticipantsQosAsync(string meetingId, QosListType type = QosListType.Live, CancellationToken cancellationToken = default) =>
        GetParticipantsQosAsync(QosEventKind.Meeting, meetingId, type, cancellationToken);

    /// <summary>One meeting participant's QoS, with the devices they used: <c>GET /metrics/meetings/{meetingId}/participants/{participantId}/qos</c>.</summary>
    /// <param name="meetingId">The meeting ID or instance UUID.</param>
    /// <param name="participantId">The participant's id.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ParticipantQos> GetMeetingParticipantQosAsync(string meetingId, string participantId, QosListType type = QosListType.Live, CancellationToken cancellationToken = default) =>
        GetParticipantQosAsync(QosEventKind.Meeting, meetingId, participantId, type, cancellationToken);

    /// <summary>Every meeting participant's QoS summary: <c>GET /metrics/meetings/{meetingId}/participants/qos_summary</c> (QSS).</summary>
    /// <param name="meetingId">The meeting ID (its latest instance) or an instance UUID.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantQosSummary> GetMeetingParticipantsQosSummaryAsync(string meetingId, CancellationToken cancellationToken = default) =>
        GetParticipantsQosSummaryAsync(QosEventKind.Meeting, meetingId, cancellationToken);

    /// <summary>The account's meetings: <c>GET /metrics/meetings</c>. Past needs a range of at most a month.</summary>
    /// <param name="type">Live or past.</param>
    /// <param name="fromDate">First day (UTC), required for past.</param>
    /// <param name="toDate">Last day (UTC), required for past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<WebinarSummary> GetMeetingsAsync(QosListType type = QosListType.Live, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default) =>
        GetInstancesAsync(QosEventKind.Meeting, type, fromDate, toDate, cancellationToken);

    /// <summary>Every participant session's QoS of a webinar or a meeting (<see cref="GetWebinarParticipantsQosAsync"/>, <see cref="GetMeetingParticipantsQosAsync"/>).</summary>
    /// <param name="kind">Webinar or meeting.</param>
    /// <param name="id">The ID or instance UUID.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantQos> GetParticipantsQosAsync(QosEventKind kind, string id, QosListType type = QosListType.Live, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ZoomPageable<ParticipantQos>((token, hint, ct) => WalkParticipantsAsync<ParticipantQos>(kind, id, type, DecodeRecords, token, hint, cancellationToken, ct));
    }

    /// <summary>One participant's QoS of a webinar or a meeting.</summary>
    /// <param name="kind">Webinar or meeting.</param>
    /// <param name="id">The ID or instance UUID.</param>
    /// <param name="participantId">The participant's id.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ParticipantQos> GetParticipantQosAsync(QosEventKind kind, string id, string participantId, QosListType type = QosListType.Live, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(participantId);
        return GetAsync($"{Metrics(kind)}/{ZoomIds.Encode(id)}/participants/{ZoomIds.Encode(participantId)}/qos?type={type.ToWire()}", ZoomJsonContext.Default.ParticipantQos, cancellationToken);
    }

    /// <summary>Every participant's QoS summary of a webinar or a meeting.</summary>
    /// <param name="kind">Webinar or meeting.</param>
    /// <param name="id">The ID (its latest instance) or an instance UUID.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantQosSummary> GetParticipantsQosSummaryAsync(QosEventKind kind, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ZoomPageable<ParticipantQosSummary>((token, hint, ct) => WalkListAsync<ParticipantQosSummaryPage, ParticipantQosSummary>(
            $"{Metrics(kind)}/{ZoomIds.Encode(id)}/participants/qos_summary?page_size={Math.Clamp(hint ?? MaxParticipantsPageSize, 1, MaxParticipantsPageSize)}",
            token,
            ZoomJsonContext.Default.ParticipantQosSummaryPage,
            page => (page.Participants, page.NextPageToken, null),
            cancellationToken,
            ct));
    }

    /// <summary>The account's webinars or meetings (<see cref="GetWebinarsAsync"/>, <see cref="GetMeetingsAsync"/>).</summary>
    /// <param name="kind">Webinar or meeting.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="fromDate">First day (UTC), required for past.</param>
    /// <param name="toDate">Last day (UTC), required for past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<WebinarSummary> GetInstancesAsync(QosEventKind kind, QosListType type = QosListType.Live, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default)
    {
        var range = (fromDate is { } f ? "&from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)
            + (toDate is { } t ? "&to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
        var path = $"{Metrics(kind)}?type={type.ToWire()}{range}&page_size=";
        return kind == QosEventKind.Meeting
            ? new ZoomPageable<WebinarSummary>((token, hint, ct) => WalkListAsync<MeetingListPage, WebinarSummary>(
                path + Math.Clamp(hint ?? MaxWebinarsPageSize, 1, MaxWebinarsPageSize), token, ZoomJsonContext.Default.MeetingListPage, page => (page.Meetings?.Select(m => m with { Kind = QosEventKind.Meeting }).ToList(), page.NextPageToken, page.TotalRecords), cancellationToken, ct))
            : new ZoomPageable<WebinarSummary>((token, hint, ct) => WalkListAsync<WebinarListPage, WebinarSummary>(
                path + Math.Clamp(hint ?? MaxWebinarsPageSize, 1, MaxWebinarsPageSize), token, ZoomJsonContext.Default.WebinarListPage, page => (page.Webinars, page.NextPageToken, page.TotalRecords), cancellationToken, ct));
    }

    // A master account's calls for a sub-account go under accounts/{accountId}/ (Zoom's master APIs, the same answers).
    private string Metrics(QosEventKind kind) =>
        (_options.SubAccountId is { Length: > 0 } sub ? $"accounts/{ZoomIds.Encode(sub)}/" : string.Empty)
        + (kind == QosEventKind.Meeting ? "metrics/meetings" : "metrics/webinars");
}
