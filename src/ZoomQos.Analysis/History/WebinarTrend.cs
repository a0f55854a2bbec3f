namespace ZoomQos.Analysis.History;

/// <summary>A recurring webinar over time: each instance in date order, and the causes that recur.</summary>
/// <param name="WebinarId">The webinar ID.</param>
/// <param name="Topic">Its latest topic.</param>
/// <param name="Instances">Each instance, oldest first.</param>
/// <param name="Recurring">Causes from the same person in two or more instances.</param>
public sealed record WebinarTrend(long WebinarId, string Topic, IReadOnlyList<InstanceRow> Instances, IReadOnlyList<RecurringCause> Recurring)
{
    /// <summary>The trend of one webinar's instance summaries.</summary>
    /// <param name="webinarId">The webinar ID.</param>
    /// <param name="summaries">Its instances' summaries, in any order.</param>
    public static WebinarTrend Of(long webinarId, IReadOnlyList<InstanceSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var ordered = summaries.Where(s => s.WebinarId == webinarId).OrderBy(s => s.StartTime).ThenBy(s => s.Uuid, StringComparer.Ordinal).ToList();
        return new WebinarTrend(webinarId, ordered.Count == 0 ? string.Empty : ordered[^1].Topic, [.. ordered.Select(InstanceRow.Of)], RecurringCause.In(ordered));
    }
}

/// <summary>One instance as a list or a trend shows it.</summary>
/// <param name="Uuid">The instance UUID.</param>
/// <param name="WebinarId">The webinar ID.</param>
/// <param name="Topic">The topic.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="EndTime">When it ended.</param>
/// <param name="Participants">Sessions.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="PoorShare">Poor share of the sessions with a verdict.</param>
/// <param name="TopCauses">The top three causes, in words (which name whose they are).</param>
public sealed record InstanceRow(string Uuid, long WebinarId, string Topic, DateTimeOffset StartTime, DateTimeOffset? EndTime, int Participants, WebinarVerdict Verdict, double PoorShare, IReadOnlyList<string> TopCauses)
{
    /// <summary>How many causes a row names.</summary>
    public const int CauseCount = 3;

    /// <summary>The row of a summary.</summary>
    /// <param name="summary">The summary.</param>
    public static InstanceRow Of(InstanceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Uuid, summary.WebinarId, summary.Topic, summary.StartTime, summary.EndTime, summary.Counts.Participants, summary.Counts.Verdict, summary.Counts.PoorShare,
            [.. summary.TopCauses.Take(CauseCount).Select(c => c.Title)]);
    }
}
