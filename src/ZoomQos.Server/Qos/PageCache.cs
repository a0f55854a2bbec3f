using Microsoft.Extensions.Caching.Memory;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// The encoded list pages of ended instances, kept to be sent again with one copy (issue 19). A page is its bytes with
/// the place where the request's own next page token goes (tokens are signed per account and per issue); it is keyed
/// by everything it is made of: the instance and its revision (raised by every merge, in any process: a merge makes
/// the instance's pages unreachable, and they age out), its session count, the cursor and size, privacy blanking and
/// the number field. Bounded by <see cref="MemoryCache"/>'s size limit, in bytes; the least recently used go first.
/// Accounts share an instance's pages: what an account may read is decided before the cache is asked.
/// </summary>
internal sealed class PageCache(long capacityBytes) : IDisposable
{
    private readonly MemoryCache? _pages = capacityBytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacityBytes, CompactionPercentage = 0.10 })
        : null;

    /// <summary>The page kept under <paramref name="key"/>, or null.</summary>
    public EncodedPage? Find(in PageKey key) => _pages?.Get<EncodedPage>(key);

    /// <summary>Keeps <paramref name="page"/> under <paramref name="key"/> (unless it alone is over the limit).</summary>
    public void Keep(in PageKey key, EncodedPage page)
    {
        if (_pages is not null && page.Bytes.Length <= capacityBytes)
        {
            _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Bytes.Length });
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _pages?.Dispose();
}

/// <summary>What a list page is made of besides the request's token.</summary>
internal readonly record struct PageKey(string InstanceUuid, InstancePageState State, ParticipantCursor? After, int PageSize, bool Blank, string NumberField, string Number);

/// <summary>A page's bytes, the next page token left out at <see cref="TokenAt"/>, and the cursor that token carries.</summary>
internal sealed record EncodedPage(ReadOnlyMemory<byte> Bytes, int TokenAt, ParticipantCursor? Next, int Rows);
