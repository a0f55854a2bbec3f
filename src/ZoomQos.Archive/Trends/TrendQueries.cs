using ZoomQos.Analysis.History;
using ZoomQos.Archive.Summaries;
using ZoomQos.Storage;

namespace ZoomQos.Archive.Trends;

/// <summary>
/// Trends and history read from the stored summaries (never the samples): a recurring webinar's instances, the account
/// over a range against the range before it, a participant's sessions. The analysis of them is in
/// <see cref="ZoomQos.Analysis.History"/>; this is only where the summaries come from.
/// </summary>
public static class TrendQueries
{
    /// <summary>One webinar's instances that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<WebinarTrend> WebinarAsync(IQosStore store, string accountId, long webinarId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var summaries = await store.ListSummariesAsync(accountId, from, to, webinarId, cancellationToken);
        return WebinarTrend.Of(webinarId, [.. summaries.Select(InstanceSummaries.Read)]);
    }

    /// <summary>The account in [<paramref name="from"/>, <paramref name="to"/>), against the range of the same length before it.</summary>
    public static async Task<AccountTrend> AccountAsync(IQosStore store, string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var current = await store.ListSummariesAsync(accountId, from, to, null, cancellationToken);
        var previous = await store.ListSummariesAsync(accountId, from - (to - from), from, null, cancellationToken);
        return AccountTrend.Of([.. current.Select(InstanceSummaries.Read)], [.. previous.Select(InstanceSummaries.Read)]);
    }

    /// <summary>A person's sessions (by email, or by name where the email is blank) in instances that started in the range.</summary>
    public static async Task<ParticipantHistory> ParticipantAsync(IQosStore store, string accountId, string person, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var key = PersonKey.Of(person, person);
        var hits = await store.FindSessionOutcomesAsync(accountId, key, from, to, cancellationToken);
        return new ParticipantHistory(key, [.. hits.Select(h => new HistorySession(
            h.Instance.Uuid, h.Instance.WebinarId, h.Instance.Topic, h.Instance.StartTime, h.Outcome.UserId, h.Outcome.Name,
            VerdictNames.Parse(h.Outcome.Verdict), h.Outcome.MosP10, h.Outcome.Cause))]);
    }
}
