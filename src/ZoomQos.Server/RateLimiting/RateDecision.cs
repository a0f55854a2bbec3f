namespace ZoomQos.Server.RateLimiting;

/// <summary>The outcome of asking for one request's permits.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Category">Heavy or Resource-intensive.</param>
/// <param name="Daily">Whether the daily cap (rather than the per-second or per-minute limit) decided it.</param>
/// <param name="Limit">The limit that applies.</param>
/// <param name="Remaining">Permits left in the window that applies.</param>
/// <param name="RetryAt">When a rejected request may be tried again.</param>
public sealed record RateDecision(bool Allowed, RateCategory Category, bool Daily, int Limit, long Remaining, DateTimeOffset RetryAt);
