using Microsoft.Extensions.Logging;
using ZoomQos.Client;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;

namespace ZoomQos.Archive.Sync;

/// <summary>How the sync runs.</summary>
/// <param name="AccountId">The account the archive holds the data under.</param>
/// <param name="Interval">How often past webinars are listed and archived.</param>
/// <param name="LiveInterval">How often live webinars are merged.</param>
/// <param name="PageSize">Sessions per page.</param>
/// <param name="LookbackDays">How far back the first pass lists (Zoom's list reaches six months).</param>
public sealed record SyncSettings(string AccountId, TimeSpan Interval, TimeSpan LiveInterval, int PageSize = 10, int LookbackDays = 180);

/// <summary>
/// The continuous archive: every <see cref="SyncSettings.Interval"/> it lists the account's ended webinars since its
/// checkpoint and archives each instance it does not hold complete (<see cref="InstanceArchiver"/>: idempotent,
/// resumable, summarised once complete); every <see cref="SyncSettings.LiveInterval"/> it merges each live webinar's
/// QoS so far. The SDK client paces itself within the plan's limits and retries 429s by Retry-After; a pass that
/// fails anyway is logged and reported in <see cref="Status"/>, and the next one goes on from the checkpoint.
/// </summary>
public sealed partial class ArchiveSync(IQosStore store, ZoomQosClient client, SyncSettings settings, TimeProvider time, ILogger logger)
{
    private readonly InstanceArchiver _archiver = new(store, client, settings.AccountId, settings.PageSize, time);
    private readonly Lock _gate = new();
    private SyncStatus _status = new(settings.AccountId, false, null, null, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-settings.LookbackDays), 0, 0, 0, null, null);

    /// <summary>Where the sync stands.</summary>
    public SyncStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>
    /// Runs passes until cancelled, on one node at a time: it holds the store's lease <c>sync:ACCOUNT</c> while it syncs
    /// (past webinars at once and every interval, live ones every live interval); without it, it stands by and tries
    /// again every live interval, so it takes over within one when the active node dies.
    /// </summary>
    /// <param name="cancellationToken">Stops the sync (the page in flight is stored or dropped whole).</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IStoreLease? lease = null;
        try
        {
            var nextPast = time.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (lease is not null && !await lease.StillHeldAsync(cancellationToken))
                {
                    await lease.DisposeAsync();
                    lease = null;
                }

                if (lease is null && (lease = await TryLeaseAsync(cancellationToken)) is not null)
                {
                    await StoreAccounts.EnsureAsync(store, settings.AccountId, cancellationToken);
                    nextPast = time.GetUtcNow(); // a node taking over goes on from the archive's checkpoints at once
                }

                Update(s => s with { Active = lease is not null });
                if (lease is not null)
                {
                    if (time.GetUtcNow() >= nextPast)
                    {
                        await RunPastAsync(cancellationToken);
                        nextPast = time.GetUtcNow() + settings.Interval;
                    }

                    await RunLiveAsync(cancellationToken);
                }

                var wait = lease is null || settings.LiveInterval < nextPast - time.GetUtcNow() ? settings.LiveInterval : nextPast - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<IStoreLease?> TryLeaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.TryAcquireLeaseAsync("sync:" + settings.AccountId, cancellationToken);
        }
        catch (QosStoreException ex)
        {
            Update(s => s with { LastError = ex.Message.ReplaceLineEndings(" ") });
            return null;
        }
    }

    /// <summary>One pass over the ended webinars since the checkpoint.</summary>
    public async Task RunPastAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var today = DateOnly.FromDateTime(started.UtcDateTime);
        var checkpoint = Status.Checkpoint;
        Update(s => s with { LastRunStarted = started });
        WebinarSummary? current = null;
        try
        {
            var listed = await WebinarListing.EndedAsync(client, checkpoint, today, cancellationToken);
            var behind = listed.Count;
            Update(s => s with { InstancesBehind = behind });
            foreach (var instance in listed)
            {
                current = instance;
                var result = await _archiver.ArchiveAsync(instance, null, cancellationToken, cancellationToken);
                if (!result.Skipped)
                {
                    LogArchived(logger, instance.Id ?? 0, instance.Uuid!, result.Stored, result.Fetched);
                }

                behind--;
                Update(s => s with { InstancesBehind = behind, InstancesArchived = s.InstancesArchived + (result.Skipped ? 0 : 1) });
            }

            // Everything listed is complete: the next pass lists from yesterday (an instance may end after midnight).
            var next = today.AddDays(-1) > checkpoint ? today.AddDays(-1) : checkpoint;
            Update(s => s with { Checkpoint = next, LastRunEnded = time.GetUtcNow(), LastError = null, Runs = s.Runs + 1 });
            LogPass(logger, listed.Count, next);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Instances are archived in start order: all before the one that failed are complete.
            var next = current?.StartTime.Value is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : checkpoint;
            Update(s => s with { Checkpoint = next > checkpoint ? next : checkpoint, LastRunEnded = time.GetUtcNow(), LastError = ex.Message.ReplaceLineEndings(" "), Runs = s.Runs + 1, FailedRuns = s.FailedRuns + 1 });
            LogFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>One pass over the live webinars: each one's QoS so far merged into the archive.</summary>
    public async Task RunLiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var live = 0;
            await foreach (var webinar in WebinarListing.LiveAsync(client, cancellationToken))
            {
                if (webinar.Uuid is not { Length: > 0 } uuid || webinar.StartTime.Value is not { } start)
                {
                    continue;
                }

                await store.UpsertInstanceAsync(new WebinarInstance(uuid, webinar.Id ?? 0, settings.AccountId, webinar.Topic ?? string.Empty, webinar.Host ?? string.Empty, webinar.Email ?? string.Empty, start, null) { Kind = webinar.Kind, ListFields = InstanceListFields.Of(webinar) }, cancellationToken);
                await foreach (var page in client.GetParticipantsQosAsync(webinar.Kind, uuid, QosListType.Live, cancellationToken).AsPages(null, settings.PageSize, cancellationToken))
                {
                    await store.MergeParticipantsAsync(uuid, page.Values.ToAsyncEnumerable(), cancellationToken);
                }

                live++;
            }

            Update(s => s with { LiveInstances = live, LastLiveMerge = time.GetUtcNow() });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Update(s => s with { LastError = ex.Message.ReplaceLineEndings(" ") });
            LogFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private void Update(Func<SyncStatus, SyncStatus> change)
    {
        lock (_gate)
        {
            _status = change(_status);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Sync archived webinar {WebinarId} instance {Uuid}: {Stored} sessions stored, {Fetched} fetched")]
    private static partial void LogArchived(ILogger logger, long webinarId, string uuid, long stored, long fetched);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Sync pass done: {Listed} ended instances listed, all complete; next pass lists from {Checkpoint:yyyy-MM-dd}")]
    private static partial void LogPass(ILogger logger, int listed, DateOnly checkpoint);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Sync pass failed ({Kind}): {Message}; the next pass goes on from the checkpoint")]
    private static partial void LogFailed(ILogger logger, string kind, string message);
}
