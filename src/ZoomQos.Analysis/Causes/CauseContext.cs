namespace ZoomQos.Analysis.Causes;

/// <summary>What a detector is given: the webinar, the thresholds, and what the detectors before it found and explained.</summary>
internal sealed record CauseContext(
    Thresholds Thresholds,
    AnalysisWindow Window,
    IReadOnlyList<SessionRecord> Sessions,
    WebinarMinutes Minutes,
    IReadOnlyList<Finding> Findings,
    IExplainedMinutes Explained)
{
    /// <summary>The session a session detector looks at.</summary>
    public SessionRecord Session { get; init; } = null!;

    /// <summary>A finding about the current session, of its own cause: it caused it and suffered it.</summary>
    public Finding Own(CauseKind kind, string alert, string title, long from, long to, string evidence) =>
        new(kind, alert, title, Session.UserId, Session.Name, [Session.UserId], UtcMinute.At(from), UtcMinute.At(to), evidence);
}

/// <summary>The minutes explained so far. It does not change while a detector runs: the pipeline adds a detector's after it returns.</summary>
internal interface IExplainedMinutes
{
    bool Contains(SessionRecord session, long minute);
}
