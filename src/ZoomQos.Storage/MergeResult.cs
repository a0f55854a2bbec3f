namespace ZoomQos.Storage;

/// <summary>What a merge changed.</summary>
/// <param name="SessionsWritten">Sessions added or changed.</param>
/// <param name="SessionsUnchanged">Sessions already stored as given.</param>
/// <param name="SamplesWritten">Samples added or changed.</param>
/// <param name="SamplesUnchanged">Samples already stored as given.</param>
public sealed record MergeResult(long SessionsWritten, long SessionsUnchanged, long SamplesWritten, long SamplesUnchanged)
{
    /// <summary>Whether the merge changed nothing.</summary>
    public bool ChangedNothing => SessionsWritten == 0 && SamplesWritten == 0;
}
