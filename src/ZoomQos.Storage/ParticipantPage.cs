namespace ZoomQos.Storage;

/// <summary>A page of sessions and the position after it.</summary>
/// <param name="Participants">The sessions, each with all its samples.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record ParticipantPage(IReadOnlyList<StoredParticipant> Participants, ParticipantCursor? Next);
