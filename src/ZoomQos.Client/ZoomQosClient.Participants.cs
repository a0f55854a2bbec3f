using System.Runtime.CompilerServices;
using System.Text.Json;
using ZoomQos.Client.Errors;
using ZoomQos.Client.Http;
using ZoomQos.Client.Paging;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Client;

/// <summary>The participants' walk, parsed into records or kept as the JSON the API sent: one walk, two decoders.</summary>
public partial class ZoomQosClient
{
    /// <summary>Reads one page's body: its sessions, how to name one (its <c>user_id</c>), and <c>total_records</c>.</summary>
    private delegate (IReadOnlyList<T> Values, Func<T, string?> UserId, long? Total) ParticipantsDecoder<T>(ReadOnlySpan<byte> body, string path);

    /// <summary>
    /// Every participant session of a webinar or a meeting as the JSON object the API sent, byte for byte (raw
    /// value strings, unknown fields and all), unparsed: what NDJSON output and archives want, without the cost of
    /// parsing a page and writing it again. The walk is the one of <see cref="GetParticipantsQosAsync"/> (prefetch,
    /// a page token expiring mid-walk, sessions yielded once).
    /// </summary>
    /// <param name="kind">Webinar or meeting.</param>
    /// <param name="id">The ID or instance UUID.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantJson> GetParticipantsQosJsonAsync(QosEventKind kind, string id, QosListType type = QosListType.Live, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ZoomPageable<ParticipantJson>((token, hint, ct) => WalkParticipantsAsync(kind, id, type, DecodeJson, token, hint, cancellationToken, ct));
    }

    private static (IReadOnlyList<ParticipantQos>, Func<ParticipantQos, string?>, long?) DecodeRecords(ReadOnlySpan<byte> body, string path)
    {
        var page = JsonSerializer.Deserialize(body, ZoomJsonContext.Default.ParticipantQosPage)
            ?? throw new ZoomApiException($"GET {path.Split('?')[0]} answered 200 with an empty body.");
        return (page.Participants ?? [], p => p.UserId, page.TotalRecords);
    }

    private static (IReadOnlyList<ParticipantJson>, Func<ParticipantJson, string?>, long?) DecodeJson(ReadOnlySpan<byte> body, string path)
    {
        var (participants, total) = ParticipantsJsonSplitter.Split(body, path);
        return (participants, p => p.UserId, total);
    }

    private async IAsyncEnumerable<ZoomPage<T>> WalkParticipantsAsync<T>(QosEventKind kind, string id, QosListType type, ParticipantsDecoder<T> decode, string? startToken, int? pageSizeHint, CancellationToken callToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = Link(callToken, ref cancellationToken);
        var size = Math.Clamp(pageSizeHint ?? MaxParticipantsPageSize, 1, MaxParticipantsPageSize);
        var path = $"{Metrics(kind)}/{ZoomIds.Encode(id)}/participants/qos?type={type.ToWire()}&page_size={size}";
        var yielded = new HashSet<string>(StringComparer.Ordinal);
        var tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        var token = startToken;
        var restarts = 0;
        Task<PooledBody>? prefetched = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested(); // a prefetched page is not handed out after a cancel
            PooledBody body;
            try
            {
                body = await (prefetched ?? GetBytesAsync(WithToken(path, token), cancellationToken));
            }
            catch (ZoomApiException ex) when (ex.Code == 300 && token is not null && startToken is null && restarts < MaxRestarts
                && ex.ZoomMessage?.Contains("page token", StringComparison.OrdinalIgnoreCase) == true)
            {
                // The token expired mid-walk (a slow consumer): start again and skip what was already yielded.
                restarts++;
                token = null;
                prefetched = null;
                tokensSeen.Clear();
                continue;
            }

            // The next page is requested before this one is parsed, so the server's work and ours overlap.
            (IReadOnlyList<T> Values, Func<T, string?> UserId, long? Total) page;
            string? next;
            using (body)
            {
                next = PageTokenScanner.Find(body.Span);
                if (next is not null && !tokensSeen.Add(next))
                {
                    throw new ZoomApiException($"GET {path.Split('?')[0]} returned a page token it had already returned; stopping the walk instead of looping forever.");
                }

                prefetched = next is null || !_options.PrefetchPages ? null : GetBytesAsync(WithToken(path, next), cancellationToken);
                page = decode(body.Span, path);
            }

            var participants = page.Values.Where(p => yielded.Add(page.UserId(p) ?? string.Empty)).ToList();
            yield return new ZoomPage<T>(participants, next, page.Total);
            if (next is null)
            {
                yield break;
            }

            token = next;
        }
    }

}
