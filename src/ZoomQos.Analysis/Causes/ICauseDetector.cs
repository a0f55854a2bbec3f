namespace ZoomQos.Analysis.Causes;

/// <summary>
/// One cause of the quality model (section 5). A detector is a class of this folder: the pipeline finds every
/// implementation in the assembly and runs them by <see cref="Order"/>, webinar-wide ones first, then, for each
/// session in turn, the session ones. Each sees what earlier detectors explained (<see cref="CauseContext.Explained"/>)
/// and what they found, and returns its findings and the minutes it explains, which later detectors then leave
/// alone. A new cause is one new detector (its kind beside it: <c>public CauseKind Kind { get; } = new("Name")</c>),
/// its numbers in <see cref="Thresholds"/>, and its test.
/// </summary>
internal interface ICauseDetector
{
    /// <summary>The cause it finds.</summary>
    CauseKind Kind { get; }

    /// <summary>Whether it looks at the whole webinar once, or at one session at a time.</summary>
    CauseScope Scope { get; }

    /// <summary>Its place in the pipeline within its scope: the lower, the earlier (unique).</summary>
    int Order { get; }

    /// <summary>The findings, and the minutes they explain.</summary>
    CauseResult Detect(CauseContext context);
}

/// <summary>What a detector looks at.</summary>
internal enum CauseScope
{
    /// <summary>The whole webinar, once (the panelist → attendee correlation, reconnections).</summary>
    Webinar,

    /// <summary>One session at a time (<see cref="CauseContext.Session"/>).</summary>
    Session,
}

/// <summary>Minutes of a session that a cause explains.</summary>
internal readonly record struct ExplainedRun(SessionRecord Session, long From, long To);

/// <summary>A detector's findings and the minutes it explains.</summary>
internal sealed record CauseResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ExplainedRun> Explained)
{
    public static CauseResult None { get; } = new([], []);
}
