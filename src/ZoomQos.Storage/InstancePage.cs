using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Storage;

/// <summary>A page of instances and the position after it.</summary>
/// <param name="Instances">The instances.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record InstancePage(IReadOnlyList<WebinarInstance> Instances, InstanceCursor? Next);
