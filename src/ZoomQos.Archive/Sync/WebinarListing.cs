using System.Runtime.CompilerServices;
using ZoomQos.Client;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Archive.Sync;

/// <summary>
/// The ended instances an account's webinar and meeting lists name over a range of days, asked for a month at a time
/// (Zoom's limit). An app without the meetings' scope archives its webinars: the meetings are then left out, not an error.
/// </summary>
public static class WebinarListing
{
    /// <summary>Every ended instance (webinars and meetings; <see cref="WebinarSummary.Kind"/> tells which) that started from <paramref name="first"/> to <paramref name="last"/> (UTC days), once each, by start then UUID.</summary>
    /// <param name="client">The SDK client.</param>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async Task<List<WebinarSummary>> EndedAsync(ZoomQosClient client, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var found = new Dictionary<string, WebinarSummary>(StringComparer.Ordinal);
        foreach (var kind in (QosEventKind[])[QosEventKind.Webinar, QosEventKind.Meeting])
        {
            for (var start = first; start <= last; start = start.AddMonths(1))
            {
                var end = start.AddMonths(1).AddDays(-1) is var monthEnd && monthEnd < last ? monthEnd : last;
                await foreach (var listed in ListAsync(client, kind, QosListType.Past, start, end, cancellationToken))
                {
                    if (listed.Uuid is { Length: > 0 } uuid && listed.EndTime.Value is not null && listed.StartTime.Value is not null)
                    {
                        found.TryAdd(uuid, listed);
                    }
                }
            }
        }

        return [.. found.Values.OrderBy(w => w.StartTime.Value).ThenBy(w => w.Uuid, StringComparer.Ordinal)];
    }

    /// <summary>The live instances of both kinds (meetings only when the app may read them).</summary>
    /// <param name="client">The SDK client.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async IAsyncEnumerable<WebinarSummary> LiveAsync(ZoomQosClient client, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var kind in (QosEventKind[])[QosEventKind.Webinar, QosEventKind.Meeting])
        {
            await foreach (var listed in ListAsync(client, kind, QosListType.Live, null, null, cancellationToken))
            {
                yield return listed;
            }
        }
    }

    // Code 4711 is Zoom's "does not contain scopes": a webinars-only app has no meetings to list.
    private static async IAsyncEnumerable<WebinarSummary> ListAsync(ZoomQosClient client, QosEventKind kind, QosListType type, DateOnly? from, DateOnly? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var listing = client.GetInstancesAsync(kind, type, from, to, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await listing.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (ZoomApiException ex) when (kind == QosEventKind.Meeting && ex.Code == 4711)
            {
                yield break;
            }

            yield return listing.Current;
        }
    }
}
