namespace ZoomQos.Archive.Sync;

/// <summary>Where the sync stands, as <c>/health</c> reports it.</summary>
/// <param name="AccountId">The account synced.</param>
/// <param name="Active">Whether this node holds the sync's lease and syncs (one node at a time), or stands by.</param>
/// <param name="LastRunStarted">When the last pass over past webinars began.</param>
/// <param name="LastRunEnded">When it ended (successfully or not).</param>
/// <param name="Checkpoint">The first day the next pass lists from.</param>
/// <param name="InstancesBehind">Ended instances listed but not yet complete in the archive.</param>
/// <param name="InstancesArchived">Instances archived since the server started.</param>
/// <param name="LiveInstances">Live instances merged in the last live pass.</param>
/// <param name="LastLiveMerge">When the last live pass ended.</param>
/// <param name="LastError">The last pass's failure in one line, or <see langword="null"/> when it succeeded.</param>
public sealed record SyncStatus(
    string AccountId,
    bool Active,
    DateTimeOffset? LastRunStarted,
    DateTimeOffset? LastRunEnded,
    DateOnly Checkpoint,
    int InstancesBehind,
    long InstancesArchived,
    int LiveInstances,
    DateTimeOffset? LastLiveMerge,
    string? LastError)
{
    /// <summary>Passes over ended webinars since the server started, failed or not.</summary>
    public long Runs { get; init; }

    /// <summary>Those of <see cref="Runs"/> that failed.</summary>
    public long FailedRuns { get; init; }
}
