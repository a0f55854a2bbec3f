using ZoomQos.Archive.Summaries;
using ZoomQos.Client;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;

namespace ZoomQos.Archive.Sync;

/// <summary>What archiving one instance did.</summary>
/// <param name="Skipped">It was complete already.</param>
/// <param name="Stored">Sessions the archive holds for it now (as far as the checkpoint knows).</param>
/// <param name="Fetched">Sessions fetched by this run.</param>
/// <param name="Resumed">The walk went on from a checkpoint's page token.</param>
/// <param name="Summarized">Its summary was computed by this run.</param>
public sealed record InstanceArchived(bool Skipped, long Stored, long Fetched, bool Resumed, bool Summarized);

/// <summary>
/// Archives one ended instance through the SDK, idempotently and resumably: every page is merged with the checkpoint of
/// where the walk stands, in one transaction, so a stop at any point loses nothing and fetches nothing twice; a complete
/// instance is skipped; a finished one is summarised. <c>zoomqos archive</c> and the server's sync both archive with it.
/// </summary>
/// <param name="store">The archive.</param>
/// <param name="client">The SDK client of the account being archived.</param>
/// <param name="accountId">The account in the archive.</param>
/// <param name="pageSize">Sessions per page.</param>
/// <param name="time">The clock (checkpoint times, page-token age).</param>
public sealed class InstanceArchiver(IQosStore store, ZoomQosClient client, string accountId, int pageSize, TimeProvider time)
{
    // Zoom's page tokens last 15 minutes; an older checkpoint's token is not worth trying.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14);

    /// <summary>Archives the instance a webinar list named.</summary>
    /// <param name="listed">The instance as <c>GET /metrics/webinars?type=past</c> (or the meetings') listed it (UUID, ID, start and end, kind).</param>
    /// <param name="progress">Sessions stored so far and the total, after each page.</param>
    /// <param name="stop">After a page is stored, stop here when this is cancelled (the page in flight is kept).</param>
    /// <param name="walk">Cancels the request in flight.</param>
    public async Task<InstanceArchived> ArchiveAsync(WebinarSummary listed, Action<long, long?>? progress, CancellationToken stop, CancellationToken walk)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var uuid = listed.Uuid ?? throw new ArgumentException("The listed instance has no UUID.", nameof(listed));
        var known = await store.ResolveInstanceAsync(accountId, uuid, QosListType.Past, walk);
        await store.UpsertInstanceAsync(
            new WebinarInstance(uuid, listed.Id ?? 0, accountId, listed.Topic ?? string.Empty, listed.Host ?? string.Empty, listed.Email ?? string.Empty, listed.StartTime.Value!.Value, listed.EndTime.Value)
            {
                DataWithheld = known?.DataWithheld ?? false, // an archive's hold outlives a new run
                Kind = listed.Kind,
                ListFields = InstanceListFields.Of(listed),
            },
            walk);
        var checkpoint = await store.GetCheckpointAsync(uuid, walk);
        if (checkpoint is { Complete: true })
        {
            progress?.Invoke(checkpoint.SessionsFetched, checkpoint.TotalRecords);
            var missing = await store.GetSummaryAsync(accountId, uuid, walk) is null; // an archive made before summaries existed
            return new InstanceArchived(true, checkpoint.SessionsFetched, 0, false, missing && await SummarizeAsync(uuid, walk));
        }

        var resume = checkpoint is { NextPageToken: { } token } && time.GetUtcNow() - checkpoint.UpdatedAt < TokenLifetime ? token : null;
        var stored = resume is null ? 0 : checkpoint!.SessionsFetched;
        long fetched = 0;
        try
        {
            (stored, fetched) = await WalkAsync(listed.Kind, uuid, resume, stored, progress, stop, walk);
        }
        catch (ZoomApiException ex) when (resume is not null && ex.Code == 300)
        {
            // The checkpoint's page token expired after all: start this instance again (merges are idempotent).
            (stored, fetched) = await WalkAsync(listed.Kind, uuid, null, 0, progress, stop, walk);
        }

        return new InstanceArchived(false, stored, fetched, resume is not null, await SummarizeAsync(uuid, walk));
    }

    private async Task<bool> SummarizeAsync(string uuid, CancellationToken cancellationToken)
    {
        var instance = await store.ResolveInstanceAsync(accountId, uuid, QosListType.Past, cancellationToken);
        if (instance is null)
        {
            return false;
        }

        await InstanceSummaries.ComputeAsync(store, instance, time.GetUtcNow(), cancellationToken: cancellationToken);
        return true;
    }

    private async Task<(long Stored, long Fetched)> WalkAsync(QosEventKind kind, string uuid, string? token, long stored, Action<long, long?>? progress, CancellationToken stop, CancellationToken walk)
    {
        long fetched = 0;
        await foreach (var page in client.GetParticipantsQosAsync(kind, uuid, QosListType.Past, walk).AsPages(token, pageSize, walk))
        {
            // The page is stored with where the walk stands, in one transaction, whatever happens next.
            stored += page.Values.Count;
            fetched += page.Values.Count;
            await store.MergeParticipantsAsync(
                uuid,
                page.Values.ToAsyncEnumerable(),
                new ArchiveCheckpoint(uuid, page.ContinuationToken, stored, page.TotalRecords, page.ContinuationToken is null, time.GetUtcNow()),
                CancellationToken.None);
            progress?.Invoke(stored, page.TotalRecords);
            stop.ThrowIfCancellationRequested();
        }

        return (stored, fetched);
    }
}
