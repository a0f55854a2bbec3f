using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Server.RateLimiting;

/// <summary>
/// The account's rate limits shared by every server node through Redis (RedisRateLimiting, one Lua script per
/// request): a sliding window of one second for Heavy (in whole seconds: at most the limit per clock second) and
/// of sixty seconds for Resource-intensive, and a window per UTC day for the daily cap (its key carries the date,
/// so it starts again at 00:00 UTC). Measured: the library's fixed window with a one-second window lets the limit
/// through once per two seconds, so the per-second categories use its sliding window. Windows are whole seconds of the nodes'
/// clocks, so the nodes' clocks must agree (NTP); the count itself is atomic in Redis.
/// </summary>
internal sealed class RedisAccountRateLimiter(IConnectionMultiplexer redis, TimeProvider time, Func<AccountPlan, PlanLimits>? limitsOf = null) : IAccountRateLimiter, IDisposable
{
    private readonly Func<AccountPlan, PlanLimits> _limitsOf = limitsOf ?? PlanLimits.For;
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.Ordinal);

    public async ValueTask<RateDecision> TryAcquireAsync(Account account, RateCategory category, CancellationToken cancellationToken)
    {
        var limits = _limitsOf(account.Plan);
        var (limit, window, name) = category == RateCategory.Heavy
            ? (limits.HeavyPerSecond, TimeSpan.FromSeconds(1), "heavy")
            : (limits.ResourceIntensivePerMinute, TimeSpan.FromMinutes(1), "resource");
        var now = time.GetUtcNow();
        using (var lease = await Sliding($"zoomqos:{account.Id}:{name}:{limit}", limit, window).AcquireAsync(1, cancellationToken))
        {
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(RateLimitMetadataName.RetryAfter.Name, out var after) && after is int seconds ? TimeSpan.FromSeconds(Math.Max(1, seconds)) : window;
                return new RateDecision(false, category, Daily: false, limit, 0, now + wait);
            }
        }

        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var daily = await Limiter($"zoomqos:{account.Id}:daily:{day}:{limits.Daily}", limits.Daily, TimeSpan.FromDays(1)).AcquireAsync(1, cancellationToken);
        var remaining = daily.TryGetMetadata(RateLimitMetadataName.Remaining.Name, out var left) && left is long count ? count : 0;
        return daily.IsAcquired
            ? new RateDecision(true, category, Daily: true, limits.Daily, remaining, now)
            : new RateDecision(false, category, Daily: true, limits.Daily, 0, new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero));
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private RateLimiter Sliding(string key, int limit, TimeSpan window) =>
        _limiters.GetOrAdd(key, k => new RedisSlidingWindowRateLimiter<string>(k, new RedisSlidingWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = limit,
            Window = window,
        }));

    private RateLimiter Limiter(string key, int limit, TimeSpan window) =>
        _limiters.GetOrAdd(key, k => new RedisFixedWindowRateLimiter<string>(k, new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = limit,
            Window = window,
        }));
}
