using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Qos;

/// <summary>The four operations of a surface, as an account's admin calls them or as a master account does for a sub-account.</summary>
/// <param name="ListInstances">The list of instances (<c>GET /metrics/webinars</c>).</param>
/// <param name="ListParticipantsQos">The participants' per-minute QoS.</param>
/// <param name="GetParticipantQos">One participant's QoS.</param>
/// <param name="ListParticipantsQosSummary">The participants' QoS summaries (QSS).</param>
internal sealed record QosOperations(ZoomOperation ListInstances, ZoomOperation ListParticipantsQos, ZoomOperation GetParticipantQos, ZoomOperation ListParticipantsQosSummary);

/// <summary>
/// Webinars or meetings: what differs between Zoom's two QoS surfaces (the path, the operations' names and scopes, the
/// words of the errors, the page's number field). Every rule after that is one, and the routes are mapped once per surface
/// and prefix: <c>/v2/metrics/…</c> for the account's own data, <c>/v2/accounts/{accountId}/metrics/…</c> for a master
/// account reading a sub-account (<see cref="ZoomGate"/> checks that it is one of its own).
/// </summary>
/// <param name="Kind">The instances it serves.</param>
/// <param name="Noun">The thing, in lower case: <c>webinar</c>, <c>meeting</c>.</param>
/// <param name="Admin">The operations at <c>/v2/metrics</c>, with the <c>:admin</c> scopes.</param>
/// <param name="Master">The operations at <c>/v2/accounts/{accountId}/metrics</c>, with the <c>:master</c> scopes.</param>
internal sealed record QosSurface(QosEventKind Kind, string Noun, QosOperations Admin, QosOperations Master)
{
    /// <summary>The route prefixes: an account's own, and a master account's over a sub-account.</summary>
    public const string OwnPrefix = "/v2/metrics";

    /// <summary>The master account's prefix; its <c>accountId</c> is the sub-account.</summary>
    public const string MasterPrefix = "/v2/accounts/{accountId}/metrics";

    public static readonly QosSurface Webinars = Of(QosEventKind.Webinar);

    public static readonly QosSurface Meetings = Of(QosEventKind.Meeting);

    public static IReadOnlyList<QosSurface> All { get; } = [Webinars, Meetings];

    /// <summary>The path segment and list field: <c>webinars</c>, <c>meetings</c>.</summary>
    public string Plural => Noun + "s";

    /// <summary>The noun capitalized, as in operation IDs and "the Webinar ID".</summary>
    public string Title => Kind.Title();

    /// <summary>The page's field naming the number: <c>webinar_number</c>, <c>meeting_number</c>.</summary>
    public string NumberField => Noun + "_number";

    /// <summary>Zoom's operation ID of one of the surface's operations, e.g. <c>dashboardMeetingParticipantsQOS</c> (a master's has the same).</summary>
    public string OperationId(string suffix) => "dashboard" + Title + suffix;

    /// <summary>The operations under a prefix.</summary>
    public QosOperations At(string prefix) => prefix == MasterPrefix ? Master : Admin;

    /// <summary>How many raw path segments the prefix adds before <c>metrics</c> (the master's <c>accounts/{accountId}</c>).</summary>
    public static int SegmentShift(string prefix) => prefix == MasterPrefix ? 2 : 0;

    // Zoom's scopes: the classic ones, then the granular one of the operation (zoom-openapi/dashboard*.json and master/).
    // Zoom's master meetings list names only its granular scope; dashboard:master is accepted there as on the others.
    private static QosSurface Of(QosEventKind kind) => Of(kind, kind.Noun());

    private static QosSurface Of(QosEventKind kind, string noun) => new(
        kind,
        noun,
        Operations(granular => [$"dashboard_{noun}s:read:admin", "dashboard:read:admin", granular + ":admin"], noun),
        Operations(granular => ["dashboard:master", granular + ":master"], noun));

    private static QosOperations Operations(Func<string, string[]> scopes, string noun) => new(
        new(scopes($"dashboard:read:list_{noun}s"), RateCategory.ResourceIntensive),
        new(scopes($"dashboard:read:list_{noun}_participants_qos"), RateCategory.Heavy),
        new(scopes($"dashboard:read:{noun}_participant_qos"), RateCategory.Heavy),
        new(scopes($"dashboard:read:list_{noun}_participants_qos"), RateCategory.Heavy));
}
