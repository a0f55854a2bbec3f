namespace ZoomQos.Contracts.Webinars;

/// <summary>
/// What an instance is of: a webinar or a meeting. Both have the same per-minute QoS and the same rules; their IDs
/// share one number space (Zoom's meeting numbers), so an ID names one kind only.
/// </summary>
public enum QosEventKind
{
    /// <summary>A webinar: panelists send, attendees receive.</summary>
    Webinar,

    /// <summary>A meeting: anyone can send.</summary>
    Meeting,
}

/// <summary>How a kind is named: in Zoom's paths and event names (<c>webinar</c>, <c>meeting</c>) and in titles.</summary>
public static class QosEventKindNames
{
    /// <summary>The noun in lower case, as in <c>/metrics/webinars</c> and <c>meeting.participant_qos</c>.</summary>
    /// <param name="kind">The kind.</param>
    public static string Noun(this QosEventKind kind) => kind == QosEventKind.Meeting ? "meeting" : "webinar";

    /// <summary>The noun capitalized, as in "Webinar 81234567890" and "the Meeting ID".</summary>
    /// <param name="kind">The kind.</param>
    public static string Title(this QosEventKind kind) => kind == QosEventKind.Meeting ? "Meeting" : "Webinar";

    /// <summary>The kind whose events a QSS event name is of (<c>meeting.…</c> or <c>webinar.…</c>).</summary>
    /// <param name="eventName">The event's name.</param>
    public static QosEventKind OfEvent(string eventName) =>
        eventName?.StartsWith(QosEventKind.Meeting.Noun() + ".", StringComparison.Ordinal) == true ? QosEventKind.Meeting : QosEventKind.Webinar;
}
