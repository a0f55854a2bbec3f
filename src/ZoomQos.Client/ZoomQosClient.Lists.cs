using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using ZoomQos.Client.Errors;
using ZoomQos.Client.Paging;

namespace ZoomQos.Client;

/// <summary>The plain list walks of the client: the webinar list and the QoS summaries.</summary>
public partial class ZoomQosClient
{
    // The plain walk of a list (webinars, summaries): page after page by next_page_token, never the same token twice.
    private async IAsyncEnumerable<ZoomPage<T>> WalkListAsync<TPage, T>(string path, string? startToken, JsonTypeInfo<TPage> typeInfo, Func<TPage, (IReadOnlyList<T>? Items, string? Next, long? Total)> read, CancellationToken callToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = Link(callToken, ref cancellationToken);
        var tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        var token = startToken;
        while (true)
        {
            var (items, next, total) = read(await GetAsync(WithToken(path, token), typeInfo, cancellationToken));
            next = string.IsNullOrEmpty(next) ? null : next;
            yield return new ZoomPage<T>(items ?? [], next, total);
            if (next is null)
            {
                yield break;
            }

            if (!tokensSeen.Add(next))
            {
                throw new ZoomApiException($"GET /{path.Split('?')[0]} returned a page token it had already returned; stopping the walk instead of looping forever.");
            }

            token = next;
        }
    }
}
