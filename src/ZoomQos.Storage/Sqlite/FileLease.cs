namespace ZoomQos.Storage.Sqlite;

/// <summary>An exclusive lock on a file (FileShare.None: flock on Linux), held while the stream is open.</summary>
internal sealed class FileLease(FileStream file) : IStoreLease
{
    public Task<bool> StillHeldAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
