namespace ZoomQos.Storage;

/// <summary>
/// A page of sessions and the position after it. A store may read the page's JSON into pooled buffers: dispose
/// the page once its participants have been written or parsed to give them back (not disposing is safe; the
/// buffers are then left to the garbage collector).
/// </summary>
/// <param name="Participants">The sessions, each with all its samples.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record ParticipantPage(IReadOnlyList<StoredParticipant> Participants, ParticipantCursor? Next) : IDisposable
{
    /// <summary>The pooled buffers behind <see cref="Participants"/>, if any.</summary>
    internal IDisposable? Buffers { get; init; }

    /// <summary>Gives the page's pooled buffers back; its participants must no longer be read.</summary>
    public void Dispose() => Buffers?.Dispose();
}
