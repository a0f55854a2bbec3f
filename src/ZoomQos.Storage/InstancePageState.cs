namespace ZoomQos.Storage;

/// <summary>What a list page of an instance depends on besides its cursor and size: its session count (the page's totals) and its revision.</summary>
/// <param name="Participants">How many sessions the instance has.</param>
/// <param name="Revision">Raised by every merge into the instance: a page read at one revision is the same page at that revision.</param>
public sealed record InstancePageState(long Participants, long Revision);
