using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Server.RateLimiting;

/// <summary>
/// Zoom's limits per account and category with System.Threading.RateLimiting: a fixed window of one second
/// (Heavy) or one minute (Resource-intensive), and a daily cap shared by both that resets at 00:00 UTC by the
/// server's clock. One instance serves every request of the process.
/// </summary>
internal sealed class AccountRateLimiter(TimeProvider time, Func<AccountPlan, RatePlanLimits>? limitsOf = null) : IAccountRateLimiter, IDisposable
{
    private readonly Func<AccountPlan, RatePlanLimits> _limitsOf = limitsOf ?? RatePlanLimits.For;

    private readonly ConcurrentDictionary<(string Account, RateCategory Category), FixedWindowRateLimiter> _windows = new();
    private readonly ConcurrentDictionary<string, DailyCap> _daily = new(StringComparer.Ordinal);

    public ValueTask<RateDecision> TryAcquireAsync(Account account, RateCategory category, CancellationToken cancellationToken) => ValueTask.FromResult(TryAcquire(account, category));

    public RateDecision TryAcquire(Account account, RateCategory category)
    {
        var limits = _limitsOf(account.Plan);
        var (limit, window) = category == RateCategory.Heavy
            ? (limits.HeavyPerSecond, TimeSpan.FromSeconds(1))
            : (limits.ResourceIntensivePerMinute, TimeSpan.FromMinutes(1));
        var limiter = _windows.GetOrAdd((account.Id, category), _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        var now = time.GetUtcNow();
        using (var lease = limiter.AttemptAcquire())
        {
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                return new RateDecision(false, category, Daily: false, limit, 0, now + retryAfter);
            }
        }

        var daily = _daily.GetOrAdd(account.Id, _ => new DailyCap(limits.Daily, now));
        return daily.TryTake(now, out var remaining)
            ? new RateDecision(true, category, Daily: true, limits.Daily, remaining, now)
            : new RateDecision(false, category, Daily: true, limits.Daily, 0, new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero));
    }

    public void Dispose()
    {
        foreach (var limiter in _windows.Values)
        {
            limiter.Dispose();
        }

        foreach (var cap in _daily.Values)
        {
            cap.Dispose();
        }
    }

    /// <summary>A daily fixed window replenished when the server's UTC date changes, so it resets at midnight UTC.</summary>
    private sealed class DailyCap(int limit, DateTimeOffset now) : IDisposable
    {
        private readonly FixedWindowRateLimiter _limiter = new(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromTicks(1), // replenished by hand at midnight UTC: a one-tick window lets TryReplenish always refill
            QueueLimit = 0,
            AutoReplenishment = false,
        });

        private readonly Lock _gate = new();
        private DateOnly _day = DateOnly.FromDateTime(now.UtcDateTime);

        public bool TryTake(DateTimeOffset now, out long remaining)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            lock (_gate)
            {
                if (today != _day)
                {
                    _day = today;
                    _limiter.TryReplenish();
                }
            }

            using var lease = _limiter.AttemptAcquire();
            remaining = _limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;
            return lease.IsAcquired;
        }

        public void Dispose() => _limiter.Dispose();
    }
}
