namespace ZoomQos.Client.Paging;

/// <summary>
/// An async sequence over every item of a Zoom list, fetched page by page as it is enumerated (the Azure SDK's
/// AsyncPageable). <see cref="AsPages"/> gives the pages, and resumes from a saved continuation token.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class ZoomPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, int?, CancellationToken, IAsyncEnumerable<ZoomPage<T>>> _pages;

    /// <summary>Creates a pageable from a function that walks the pages.</summary>
    /// <param name="pages">Walks the pages from a continuation token with a page-size hint.</param>
    public ZoomPageable(Func<string?, int?, CancellationToken, IAsyncEnumerable<ZoomPage<T>>> pages) => _pages = pages;

    /// <summary>For mocking.</summary>
    protected ZoomPageable() => _pages = (_, _, _) => AsyncEnumerable.Empty<ZoomPage<T>>();

    /// <summary>The pages, from <paramref name="continuationToken"/> (the first page when null).</summary>
    /// <param name="continuationToken">A <see cref="ZoomPage{T}.ContinuationToken"/> saved earlier.</param>
    /// <param name="pageSizeHint">The page size to ask for; the list's maximum by default.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual IAsyncEnumerable<ZoomPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null, CancellationToken cancellationToken = default) =>
        _pages(continuationToken, pageSizeHint, cancellationToken);

    /// <inheritdoc/>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken: cancellationToken).WithCancellation(cancellationToken))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}
