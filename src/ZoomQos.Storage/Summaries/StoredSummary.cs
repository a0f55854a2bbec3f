using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Storage.Summaries;

/// <summary>An ended instance's analysis summary as stored: computed once, read by trends and the dashboard instead of the samples.</summary>
/// <param name="Instance">The instance.</param>
/// <param name="Json">The summary document (UTF-8 JSON, written and read by the analysis).</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record StoredSummary(WebinarInstance Instance, ReadOnlyMemory<byte> Json, DateTimeOffset ComputedAt);

/// <summary>A stored session result with the instance it belongs to.</summary>
/// <param name="Instance">The instance.</param>
/// <param name="Outcome">The session's result.</param>
public sealed record SessionOutcomeHit(WebinarInstance Instance, SessionOutcome Outcome);
