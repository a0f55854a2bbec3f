using ZoomQos.Client;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Archive.Sync;

/// <summary>The ended instances an account's webinar list names over a range of days, asked for a month at a time (Zoom's limit).</summary>
public static class WebinarListing
{
    /// <summary>Every ended instance that started from <paramref name="first"/> to <paramref name="last"/> (UTC days), once each, by start then UUID.</summary>
    /// <param name="client">The SDK client.</param>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async Task<List<WebinarSummary>> EndedAsync(ZoomQosClient client, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var found = new Dictionary<string, WebinarSummary>(StringComparer.Ordinal);
        for (var start = first; start <= last; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1) is var monthEnd && monthEnd < last ? monthEnd : last;
            await foreach (var webinar in client.GetWebinarsAsync(QosListType.Past, start, end, cancellationToken).WithCancellation(cancellationToken))
            {
                if (webinar.Uuid is { Length: > 0 } uuid && webinar.EndTime.Value is not null && webinar.StartTime.Value is not null)
                {
                    found.TryAdd(uuid, webinar);
                }
            }
        }

        return [.. found.Values.OrderBy(w => w.StartTime.Value).ThenBy(w => w.Uuid, StringComparer.Ordinal)];
    }
}
