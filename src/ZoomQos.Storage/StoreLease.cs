namespace ZoomQos.Storage;

/// <summary>
/// A named lease on a store: while one holder has it, nobody else gets it, on any node. It ends when disposed, and by
/// itself when the holder's process dies (PostgreSQL drops a dead session's advisory lock; the OS drops a dead
/// process's file lock), so that another node can take over.
/// </summary>
public interface IStoreLease : IAsyncDisposable
{
    /// <summary>Whether the lease still holds (a PostgreSQL session can be lost under it); cheap.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    Task<bool> StillHeldAsync(CancellationToken cancellationToken = default);
}
