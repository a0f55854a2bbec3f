namespace ZoomQos.Storage;

/// <summary>A keyset position in an instance's sessions: the last <c>join_time</c> (Unix ms) and <c>user_id</c> read.</summary>
/// <param name="JoinMs">The join time of the last session read, in Unix milliseconds (<see cref="long.MinValue"/> when it had none).</param>
/// <param name="UserId">The <c>user_id</c> of the last session read.</param>
public sealed record ParticipantCursor(long JoinMs, string UserId);
