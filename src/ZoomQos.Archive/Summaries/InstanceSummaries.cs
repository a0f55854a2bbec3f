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

        var analyzer = new QosAnalyzer(thresholds, seriesFor: 0);
        ParticipantCursor? after = null;
        do
        {
            using var page = await store.ReadParticipantsAsync(instance.Uuid, after, PageSize, cancellationToken);
            foreach (var participant in page.Participants)
            {
                analyzer.Add(participant.ToParticipant());
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
