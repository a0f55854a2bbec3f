namespace ZoomQos.Client.Paging;

/// <summary>One page of a Zoom list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Values">The items of the page.</param>
/// <param name="ContinuationToken">The token of the next page, or <see langword="null"/> on the last one. Zoom's tokens last 15 minutes.</param>
/// <param name="TotalRecords">Zoom's <c>total_records</c>, when it sent a number: the size of the whole list, for progress.</param>
public sealed record ZoomPage<T>(IReadOnlyList<T> Values, string? ContinuationToken, long? TotalRecords);
