using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Qos;

/// <summary>
/// Webinars or meetings: what differs between Zoom's two QoS surfaces (the path, the operations' names and scopes, the
/// words of the errors, the page's number field). Every rule after that is one, and the routes are mapped once per surface.
/// </summary>
/// <param name="Kind">The instances it serves.</param>
/// <param name="Noun">The thing, in lower case: <c>webinar</c>, <c>meeting</c>.</param>
/// <param name="ListInstances">The list of instances (<c>GET /metrics/webinars</c>).</param>
/// <param name="ListParticipantsQos">The participants' per-minute QoS.</param>
/// <param name="GetParticipantQos">One participant's QoS.</param>
/// <param name="ListParticipantsQosSummary">The participants' QoS summaries (QSS).</param>
internal sealed record QosSurface(
    QosEventKind Kind,
    string Noun,
    ZoomOperation ListInstances,
    ZoomOperation ListParticipantsQos,
    ZoomOperation GetParticipantQos,
    ZoomOperation ListParticipantsQosSummary)
{
    public static readonly QosSurface Webinars = Of(QosEventKind.Webinar, "webinar");

    public static readonly QosSurface Meetings = Of(QosEventKind.Meeting, "meeting");

    public static IReadOnlyList<QosSurface> All { get; } = [Webinars, Meetings];

    /// <summary>The path segment and list field: <c>webinars</c>, <c>meetings</c>.</summary>
    public string Plural => Noun + "s";

    /// <summary>The noun capitalized, as in operation IDs and "the Webinar ID".</summary>
    public string Title => string.Concat(char.ToUpperInvariant(Noun[0]).ToString(), Noun[1..]);

    /// <summary>The page's field naming the number: <c>webinar_number</c>, <c>meeting_number</c>.</summary>
    public string NumberField => Noun + "_number";

    /// <summary>Zoom's operation ID of one of the surface's operations, e.g. <c>dashboardMeetingParticipantsQOS</c>.</summary>
    public string OperationId(string suffix) => "dashboard" + Title + suffix;

    // Zoom's scopes: the classic pair, then the granular one of the operation (zoom-openapi/dashboard*.json).
    private static QosSurface Of(QosEventKind kind, string noun) => new(
        kind,
        noun,
        new([$"dashboard_{noun}s:read:admin", "dashboard:read:admin", $"dashboard:read:list_{noun}s:admin"], RateCategory.ResourceIntensive),
        new([$"dashboard_{noun}s:read:admin", "dashboard:read:admin", $"dashboard:read:list_{noun}_participants_qos:admin"], RateCategory.Heavy),
        new([$"dashboard_{noun}s:read:admin", "dashboard:read:admin", $"dashboard:read:{noun}_participant_qos:admin"], RateCategory.Heavy),
        new([$"dashboard_{noun}s:read:admin", "dashboard:read:admin", $"dashboard:read:list_{noun}_participants_qos:admin"], RateCategory.Heavy));
}
