using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Analysis;

/// <summary>
/// What the minutes given to the analyzer are of: an ended webinar, or a live one up to its edge (the last minute that
/// has ended). The caller knows it from the instance (an end time, or none) and the clock; the analysis never guesses
/// it from the data. At the live edge a panelist episode is named from its first minute.
/// </summary>
public sealed record AnalysisWindow
{
    /// <summary>An ended webinar: every episode must last its minimum.</summary>
    public static AnalysisWindow Ended { get; } = new();

    /// <summary>
    /// Whether the minutes are a meeting's: anyone can send and everyone receives, so the one-cause-many-victims cause
    /// is any participant's uplink (<see cref="CauseKind.SenderUplink"/>), not a panelist's.
    /// </summary>
    public bool IsMeeting { get; init; }

    /// <summary>The minute of the live edge, or <see langword="null"/> for an ended webinar.</summary>
    public DateTimeOffset? LiveEdge { get; init; }

    /// <summary>Whether the webinar is still going.</summary>
    public bool IsLive => LiveEdge is not null;

    /// <summary>The live edge as a Unix minute.</summary>
    internal long? LiveEdgeMinute => LiveEdge is { } edge ? edge.ToUnixTimeSeconds() / 60 : null;

    /// <summary>A live webinar whose last ended minute is the one <paramref name="edge"/> falls in.</summary>
    /// <param name="edge">A moment in the last minute that has ended.</param>
    public static AnalysisWindow LiveUntil(DateTimeOffset edge) => new() { LiveEdge = edge };

    /// <summary>The window of an instance read at <paramref name="now"/>: ended, or live up to the minute before now; a meeting's or a webinar's.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="now">Now.</param>
    public static AnalysisWindow For(WebinarInstance instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return (instance.IsLive ? LiveUntil(now.AddMinutes(-1)) : Ended) with { IsMeeting = instance.IsMeeting };
    }
}
