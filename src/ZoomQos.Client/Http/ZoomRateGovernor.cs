using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Http;

/// <summary>
/// The proactive half of rate limiting: one window per account and category in the whole process, preset by plan
/// (contract section 6), so that many clients of one account fetching at once stay inside the account's budget
/// instead of collecting 429s. The whole budget is there at once, and a request's permit comes back the plan's period
/// / 99 % (1.0101 s for Heavy) after its response did (<see cref="ReleaseWindowLimiter"/>): so a walk starts at full
/// speed and spends every second's budget, and since a server counts a request between its permit and its response,
/// no server window of one second, wherever its edges fall, sees more than the limit, however late a request left
/// (a new connection, a cold start). The window runs on the client's <see cref="TimeProvider"/>, so a fake clock
/// paces it in tests.
/// </summary>
internal static class ZoomRateGovernor
{
    /// <summary>What the period is stretched by: only for the two clocks' rates, since the network is inside the window.</summary>
    private const double Headroom = 0.99;

    private static readonly ConcurrentDictionary<(string Account, bool Heavy, TimeProvider Time), RateLimiter> Windows = new();

    public static RateLimiter For(string accountKey, AccountPlan plan, bool heavy, TimeProvider time) =>
        Windows.GetOrAdd((accountKey, heavy, time), key => new ReleaseWindowLimiter(Limit(plan, key.Heavy), Spacing(key.Heavy), key.Time));

    /// <summary>How long a permit stays taken after its response: the plan's period (a second, a minute) / 99 %.</summary>
    internal static TimeSpan Spacing(bool heavy) => (heavy ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1)) / Headroom;

    /// <summary>The plan's limit per period: Heavy requests a second, Resource-intensive ones a minute (<see cref="PlanLimits"/>).</summary>
    internal static int Limit(AccountPlan plan, bool heavy) => heavy ? PlanLimits.For(plan).HeavyPerSecond : PlanLimits.For(plan).ResourceIntensivePerMinute;
}
