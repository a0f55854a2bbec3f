using System.Collections.Concurrent;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Server.RateLimiting;

/// <summary>
/// Zoom's limits per account and category, on the server's clock: a fixed window of one second (Heavy) or one
/// minute (Resource-intensive), and a daily cap shared by both that resets at 00:00 UTC. One instance serves every
/// request of the process.
/// </summary>
internal sealed class AccountRateLimiter(TimeProvider time, Func<AccountPlan, PlanLimits>? limitsOf = null) : IAccountRateLimiter, IDisposable
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly Func<AccountPlan, PlanLimits> _limitsOf = limitsOf ?? PlanLimits.For;
    private readonly ConcurrentDictionary<(string Account, RateCategory Category), ClockWindow> _windows = new();
    private readonly ConcurrentDictionary<string, ClockWindow> _daily = new(StringComparer.Ordinal);

    public ValueTask<RateDecision> TryAcquireAsync(Account account, RateCategory category, CancellationToken cancellationToken) => ValueTask.FromResult(TryAcquire(account, category));

    public RateDecision TryAcquire(Account account, RateCategory category)
    {
        var limits = _limitsOf(account.Plan);
        var (limit, window) = category == RateCategory.Heavy
            ? (limits.HeavyPerSecond, TimeSpan.FromSeconds(1))
            : (limits.ResourceIntensivePerMinute, TimeSpan.FromMinutes(1));
        var now = time.GetUtcNow();
        var perWindow = _windows.GetOrAdd((account.Id, category), _ => new ClockWindow(limit, window, now));
        if (!perWindow.TryTake(now, out _, out var windowEnd))
        {
            return new RateDecision(false, category, Daily: false, limit, 0, windowEnd);
        }

        var daily = _daily.GetOrAdd(account.Id, _ => new ClockWindow(limits.Daily, Day, now));
        return daily.TryTake(now, out var remaining, out var midnight)
            ? new RateDecision(true, category, Daily: true, limits.Daily, remaining, now)
            : new RateDecision(false, category, Daily: true, limits.Daily, 0, midnight);
    }

    public void Dispose()
    {
        foreach (var window in _windows.Values.Concat(_daily.Values))
        {
            window.Dispose();
        }
    }
}
