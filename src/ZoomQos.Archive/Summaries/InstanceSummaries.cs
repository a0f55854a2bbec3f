using System.Text.Json;
using ZoomQos.Analysis;
using ZoomQos.Analysis.History;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;
using ZoomQos.Storage.Summaries;

namespace ZoomQos.Archive.Summaries;

/// <summary>
/// ZoomQos.Archive keeps a store's archive useful over years: each ended, complete instance is analysed once and its
/// summary stored (<see cref="ComputeAsync"/>), so that trends and the dashboard read kilobytes, not samples. Written by
/// <c>zoomqos archive</c> and the server's sync alike.
/// </summary>
public static class InstanceSummaries
{
    private const int PageSize = 100;

    /// <summary>Analyses an ended instance from the store's sessions and stores its summary and its sessions' results.</summary>
    /// <param name="store">The store.</param>
    /// <param name="instance">The instance (ended).</param>
    /// <param name="now">When, for the record.</param>
    /// <param name="thresholds">The thresholds; the quality model's when null.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is stored then.</param>
    public static async Task<InstanceSummary> ComputeAsync(IQosStore store, WebinarInstance instance, DateTimeOffset now, Thresholds? thresholds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.IsLive)
        {
            throw new ArgumentException($"Instance {instance.Uuid} has not ended: its summary would change.", nameof(instance));
        }

        // Summaries are read by the account's users, so they are made from what the account may see: a privacy-blanked
        // account's names and emails never reach a cause's title or a person's history.
        var blanked = (await store.GetAccountAsync(instance.AccountId, cancellationToken))?.PrivacyBlanking ?? true;
        var analyzer = new QosAnalyzer(thresholds, seriesFor: 0, AnalysisWindow.For(instance, now));
        ParticipantCursor? after = null;
        do
        {
            using var page = await store.ReadParticipantsAsync(instance.Uuid, after, PageSize, cancellationToken);
            foreach (var participant in page.Participants)
            {
                var session = participant.ToParticipant();
                analyzer.Add(blanked ? session.WithPrivacyBlanking() : session);
            }

            after = page.Next;
        }
        while (after is not null);

        var analysis = analyzer.Complete();
        var summary = InstanceSummary.Of(instance, analysis);
        var outcomes = analysis.ParticipantResults.Select(p => new SessionOutcome(
            p.UserId,
            PersonKey.Of(p.Name, p.Email),
            p.Name,
            p.Email,
            VerdictNames.NameOf(p.Verdict),
            p.MosP10,
            p.Causes.Count > 0 ? p.Causes[0].Kind.Name : null,
            p.Causes.Count > 0 ? p.Causes[0].Title : null)).ToList();
        await store.SaveSummaryAsync(instance.Uuid, JsonSerializer.SerializeToUtf8Bytes(summary, HistoryJsonContext.Default.InstanceSummary), outcomes, now, cancellationToken);
        return summary;
    }

    /// <summary>
    /// Summarises, latest first, up to <paramref name="limit"/> of an account's ended instances in the range that came in
    /// without a summary (seeded, imported, ingested): what a reader of summaries calls first, so that they appear.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="startFrom">Earliest start (inclusive).</param>
    /// <param name="startTo">Latest start (exclusive).</param>
    /// <param name="limit">At most this many analyses (each reads the instance's samples).</param>
    /// <param name="now">When, for the record.</param>
    /// <param name="cancellationToken">Cancels the work; what was stored stays.</param>
    /// <returns>How many were summarised.</returns>
    public static async Task<int> BackfillAsync(IQosStore store, string accountId, DateTimeOffset startFrom, DateTimeOffset startTo, int limit, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var missing = await store.ListUnsummarizedAsync(accountId, startFrom, startTo, limit, cancellationToken);
        foreach (var instance in missing)
        {
            await ComputeAsync(store, instance, now, cancellationToken: cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>The stored summary read back.</summary>
    /// <param name="stored">A stored summary.</param>
    /// <exception cref="JsonException">The stored document is not a summary.</exception>
    public static InstanceSummary Read(StoredSummary stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize(stored.Json.Span, HistoryJsonContext.Default.InstanceSummary)
            ?? throw new JsonException($"The stored summary of {stored.Instance.Uuid} is empty.");
    }
}
