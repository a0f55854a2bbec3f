namespace ZoomQos.Storage.Summaries;

/// <summary>
/// One session's result as an instance's stored summary keeps it, indexed by person for a participant's history
/// across webinars. The store does not interpret any of it; the analysis wrote it.
/// </summary>
/// <param name="UserId">The session's <c>user_id</c>.</param>
/// <param name="Person">Whom the session is of across webinars (the analysis's person key), the index of a history.</param>
/// <param name="Name">The participant's name as Zoom sent it (possibly blank).</param>
/// <param name="Email">The participant's email as Zoom sent it (possibly blank).</param>
/// <param name="Verdict">The session's verdict, as the analysis names it.</param>
/// <param name="MosP10">The 10th percentile of its estimated MOS.</param>
/// <param name="CauseKind">The kind of its first cause, or <see langword="null"/>.</param>
/// <param name="Cause">That cause in words, or <see langword="null"/>.</param>
public sealed record SessionOutcome(string UserId, string Person, string Name, string Email, string Verdict, double? MosP10, string? CauseKind, string? Cause);
