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
