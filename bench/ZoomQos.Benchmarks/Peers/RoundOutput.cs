namespace ZoomQos.Benchmarks.Peers;

/// <summary>
/// The file a round's <c>fetch</c> writes: a new one each round, as round 0's is. Replacing the last round's file would
/// time what the file system does for a replace: ext4 flushes the new file when it is renamed over an old one
/// (<c>auto_da_alloc</c>: strace, 0.13 s for the all-hands' 70 MB) and frees the old one (0.3–0.7 s for 500 MB by
/// hand), which round 0 never pays (docs/PERFORMANCE.md).
/// </summary>
internal static class RoundOutput
{
    /// <summary>Deletes what the round before left at <paramref name="path"/> and returns the path.</summary>
    public static string New(string path)
    {
        File.Delete(path);
        return path;
    }
}
