using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Analysis.History;

/// <summary>
/// What stays of an ended instance's analysis once it is computed: the verdict, the counts, the top causes, the
/// breakdowns and who was poor. Stored once per instance (a few kilobytes), it is what trends, the dashboard's lists
/// and a participant's history read instead of the samples.
/// </summary>
public sealed record InstanceSummary
{
    /// <summary>The instance UUID.</summary>
    public required string Uuid { get; init; }

    /// <summary>The webinar ID.</summary>
    public required long WebinarId { get; init; }

    /// <summary>The topic.</summary>
    public required string Topic { get; init; }

    /// <summary>When the instance started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset? EndTime { get; init; }

    /// <summary>The verdict and the sessions' verdict counts.</summary>
    public required VerdictCounts Counts { get; init; }

    /// <summary>The causes as reports rank them (<see cref="WebinarAnalysis.TopCauses"/>), at most <see cref="TopCauseCount"/>.</summary>
    public required IReadOnlyList<SummaryCause> TopCauses { get; init; }

    /// <summary>Verdict counts by location, network type, device, OS, client version and data centre.</summary>
    public required IReadOnlyDictionary<Dimension, IReadOnlyList<BreakdownRow>> Breakdowns { get; init; }

    /// <summary>The poor sessions: whom, and their first cause.</summary>
    public required IReadOnlyList<PoorSession> PoorSessions { get; init; }

    /// <summary>How many top causes a summary keeps.</summary>
    public const int TopCauseCount = 10;

    /// <summary>The summary of an instance's analysis.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="analysis">Its analysis (of every session).</param>
    public static InstanceSummary Of(WebinarInstance instance, WebinarAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(analysis);
        var emails = analysis.ParticipantResults.GroupBy(p => p.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Email, StringComparer.Ordinal);
        return new InstanceSummary
        {
            Uuid = instance.Uuid,
            WebinarId = instance.WebinarId,
            Topic = instance.Topic,
            StartTime = instance.StartTime,
            EndTime = instance.EndTime,
            Counts = new VerdictCounts(analysis.Verdict, analysis.Participants, analysis.Poor, analysis.Fair, analysis.Good, analysis.Insufficient),
            TopCauses = [.. analysis.TopCauses.Take(TopCauseCount).Select(f => new SummaryCause(
                f.Kind, f.Title, f.Alert, f.CauseUserId, f.CauseName, emails.GetValueOrDefault(f.CauseUserId, string.Empty), f.AffectedUserIds.Count, f.From, f.To))],
            Breakdowns = analysis.Breakdowns,
            PoorSessions = [.. analysis.ParticipantResults
                .Where(p => p.Verdict == ParticipantVerdict.Poor)
                .Select(p => new PoorSession(p.UserId, p.Name, p.Email, p.Causes.Count > 0 ? p.Causes[0].Kind : null))
                .OrderBy(p => p.UserId, StringComparer.Ordinal)],
        };
    }
}

/// <summary>An instance's verdict and how many of its sessions had each verdict.</summary>
/// <param name="Verdict">The webinar's verdict.</param>
/// <param name="Participants">Sessions analysed.</param>
/// <param name="Poor">Poor sessions.</param>
/// <param name="Fair">Fair sessions.</param>
/// <param name="Good">Good sessions.</param>
/// <param name="Insufficient">Sessions with too few minutes for a verdict.</param>
public sealed record VerdictCounts(WebinarVerdict Verdict, int Participants, int Poor, int Fair, int Good, int Insufficient)
{
    /// <summary>Poor share of the sessions with a verdict.</summary>
    public double PoorShare => BreakdownRow.Share(Poor, Participants - Insufficient);
}

/// <summary>A top cause as a summary keeps it.</summary>
/// <param name="Kind">The cause.</param>
/// <param name="Title">In words.</param>
/// <param name="Alert">Zoom's alert bucket.</param>
/// <param name="CauseUserId">The session whose link or device caused it.</param>
/// <param name="CauseName">That participant's name.</param>
/// <param name="CauseEmail">That participant's email (possibly blank).</param>
/// <param name="Affected">How many sessions suffered it.</param>
/// <param name="From">First minute (UTC).</param>
/// <param name="To">Last minute (UTC, inclusive).</param>
public sealed record SummaryCause(CauseKind Kind, string Title, string Alert, string CauseUserId, string CauseName, string CauseEmail, int Affected, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Whose cause it is across webinars: the email, or the name where it is blank (lower case).</summary>
    public string CausePerson => PersonKey.Of(CauseName, CauseEmail);
}

/// <summary>A poor session as a summary keeps it.</summary>
/// <param name="UserId">The session's user_id.</param>
/// <param name="Name">The name.</param>
/// <param name="Email">The email (possibly blank).</param>
/// <param name="Cause">Its first cause, if one was found.</param>
public sealed record PoorSession(string UserId, string Name, string Email, CauseKind? Cause)
{
    /// <summary>Whom it is of, across webinars.</summary>
    public string Person => PersonKey.Of(Name, Email);
}

/// <summary>
/// Who a session is of across webinars: the email, or the name where the email is blank; trimmed, lower case. A session
/// with neither is nobody's (an empty key): anonymous sessions are not one person.
/// </summary>
public static class PersonKey
{
    /// <summary>The name the analysis shows for a session without one.</summary>
    public const string UnknownName = "(unknown)";

    /// <summary>The key of a name and an email.</summary>
    /// <param name="name">The name (<see cref="UnknownName"/> counts as none).</param>
    /// <param name="email">The email.</param>
    public static string Of(string? name, string? email) =>
        (!string.IsNullOrWhiteSpace(email) ? email : name is null or UnknownName ? string.Empty : name).Trim().ToLowerInvariant();
}
