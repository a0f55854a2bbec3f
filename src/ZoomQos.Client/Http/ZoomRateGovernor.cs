using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Http;

/// <summary>
/// The proactive half of rate limiting: one token bucket per account and category in the whole process, preset
/// by plan (contract section 6), so that many clients of one account fetching at once stay inside the account's
/// budget instead of collecting 429s. The bucket holds one token and refills at 95 % of the limit, so no
/// server window of one second can see more requests than the limit, wherever its edges fall.
/// </summary>
internal static class ZoomRateGovernor
{
    private static readonly ConcurrentDictionary<(string Account, bool Heavy), RateLimiter> Buckets = new();

    public static RateLimiter For(string accountKey, AccountPlan plan, bool heavy) =>
        Buckets.GetOrAdd((accountKey, heavy), key =>
        {
            var perSecond = heavy
                ? plan switch { AccountPlan.Free => 1.0, AccountPlan.Pro => 10.0, _ => 40.0 }
                : plan switch { AccountPlan.Free => 1 / 60.0, AccountPlan.Pro => 10 / 60.0, _ => 20 / 60.0 };
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / (perSecond * 0.95)),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });
}
