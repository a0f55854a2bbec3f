using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Http;

/// <summary>
/// The proactive half of rate limiting: one token bucket per account and category in the whole process, preset
/// by plan (contract section 6), so that many clients of one account fetching at once stay inside the account's
/// budget instead of collecting 429s. The bucket holds one token and refills at 95 % of the limit, so no
/// server window of one second can see more requests than the limit, wherever its edges fall. It refills on the
/// client's <see cref="TimeProvider"/> (the library's own refill runs on real time), so a fake clock paces it in tests.
/// </summary>
internal static class ZoomRateGovernor
{
    private const double Headroom = 0.95;

    private static readonly ConcurrentDictionary<(string Account, bool Heavy, TimeProvider Time), Bucket> Buckets = new();

    public static RateLimiter For(string accountKey, AccountPlan plan, bool heavy, TimeProvider time) =>
        Buckets.GetOrAdd((accountKey, heavy, time), key => new Bucket(RefillPeriod(plan, key.Heavy), key.Time)).Limiter;

    /// <summary>How often the bucket gets its token back: once per 1 / (95 % of the limit) seconds.</summary>
    internal static TimeSpan RefillPeriod(AccountPlan plan, bool heavy) => TimeSpan.FromSeconds(1 / (PerSecond(plan, heavy) * Headroom));

    /// <summary>The plan's limit a second: Heavy requests, or Resource-intensive ones (per minute in <see cref="PlanLimits"/>).</summary>
    internal static double PerSecond(AccountPlan plan, bool heavy) =>
        heavy ? PlanLimits.For(plan).HeavyPerSecond : PlanLimits.For(plan).ResourceIntensivePerMinute / 60.0;

    private sealed class Bucket
    {
        // Process-wide, like the bucket it refills.
        private readonly ITimer _refill;

        public Bucket(TimeSpan period, TimeProvider time)
        {
            // A bucket of one token, refilled every period by a timer of the given clock. The library's token bucket
            // measures the time since its last refill on the real clock even when refilled by hand; its fixed window
            // with a window of one tick refills whenever asked, so the timer alone sets the pace.
            Limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1,
                Window = TimeSpan.FromTicks(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            });
            _refill = time.CreateTimer(static state => ((FixedWindowRateLimiter)state!).TryReplenish(), Limiter, period, period);
        }

        public FixedWindowRateLimiter Limiter { get; }
    }
}
