using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Http;

/// <summary>
/// The proactive half of rate limiting: one sliding window per account and category in the whole process, preset
/// by plan (contract section 6), so that many clients of one account fetching at once stay inside the account's
/// budget instead of collecting 429s. The whole budget is there at once, and a request's permit comes back when it
/// leaves the window: so a walk starts at full speed and spends every second's budget, yet no two requests a
/// limit apart are sent less than the plan's period / 95 % apart (1.053 s for Heavy), which keeps every server
/// window of one second, wherever its edges fall, within the limit with 50 ms to spare for the network. The window
/// slides on the client's <see cref="TimeProvider"/> (the library's own replenishment runs on real time), so a fake
/// clock paces it in tests.
/// </summary>
internal static class ZoomRateGovernor
{
    private const double Headroom = 0.95;

    /// <summary>How many steps the window slides by: finer steps spend the budget closer to exactly.</summary>
    private const int Segments = 50;

    private static readonly ConcurrentDictionary<(string Account, bool Heavy, TimeProvider Time), Window> Windows = new();

    public static RateLimiter For(string accountKey, AccountPlan plan, bool heavy, TimeProvider time) =>
        Windows.GetOrAdd((accountKey, heavy, time), key => new Window(Limit(plan, key.Heavy), SegmentPeriod(key.Heavy), key.Time)).Limiter;

    /// <summary>The least time between a request and the one a limit later: the plan's period (a second, a minute) / 95 %.</summary>
    internal static TimeSpan Spacing(bool heavy) => (heavy ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1)) / Headroom;

    /// <summary>
    /// How often the window slides one segment. A permit taken in a segment comes back when the window has slid
    /// all the way round, between 49 and 50 segments later: at least <see cref="Spacing"/>.
    /// </summary>
    internal static TimeSpan SegmentPeriod(bool heavy) => Spacing(heavy) / (Segments - 1);

    /// <summary>The plan's limit per period: Heavy requests a second, Resource-intensive ones a minute (<see cref="PlanLimits"/>).</summary>
    internal static int Limit(AccountPlan plan, bool heavy) => heavy ? PlanLimits.For(plan).HeavyPerSecond : PlanLimits.For(plan).ResourceIntensivePerMinute;

    private sealed class Window
    {
        // Process-wide, like the window it slides.
        private readonly ITimer _slide;

        public Window(int limit, TimeSpan segment, TimeProvider time)
        {
            // The library's sliding window, slid by hand by a timer of the given clock. It skips a manual slide that
            // comes sooner than Window / SegmentsPerWindow (in whole ticks) after the last on the real clock; with a
            // window of one tick that is zero, and every slide asked for is made (a fake clock's timer fires its
            // slides nanoseconds apart, and one tick a segment skipped some), so the timer alone moves the window.
            Limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                SegmentsPerWindow = Segments,
                Window = TimeSpan.FromTicks(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            });
            _slide = time.CreateTimer(static state => ((SlidingWindowRateLimiter)state!).TryReplenish(), Limiter, segment, segment);
        }

        public SlidingWindowRateLimiter Limiter { get; }
    }
}
