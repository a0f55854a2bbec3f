namespace ZoomQos.Analysis.History;

/// <summary>A person's sessions across webinars, oldest first: each with its verdict and cause.</summary>
/// <param name="Person">The person key asked for (an email, or a name where the email is blank).</param>
/// <param name="Sessions">The sessions.</param>
public sealed record ParticipantHistory(string Person, IReadOnlyList<HistorySession> Sessions)
{
    /// <summary>How many distinct instances the sessions are in.</summary>
    public int Instances => Sessions.Select(s => s.Uuid).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>One session of a participant's history.</summary>
/// <param name="Uuid">The instance UUID.</param>
/// <param name="WebinarId">The webinar ID.</param>
/// <param name="Topic">The topic.</param>
/// <param name="StartTime">When the instance started.</param>
/// <param name="UserId">The session's user_id.</param>
/// <param name="Name">The name in that session.</param>
/// <param name="Verdict">The session's verdict.</param>
/// <param name="MosP10">Its MOS p10.</param>
/// <param name="Cause">Its first cause in words, or <see langword="null"/>.</param>
public sealed record HistorySession(string Uuid, long WebinarId, string Topic, DateTimeOffset StartTime, string UserId, string Name, ParticipantVerdict Verdict, double? MosP10, string? Cause);
