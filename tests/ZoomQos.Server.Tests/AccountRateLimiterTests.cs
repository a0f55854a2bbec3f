using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Tests;

public class AccountRateLimiterTests
{
    [Fact]
    public void The_daily_cap_is_shared_by_both_categories_and_resets_at_midnight_utc()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero));
        using var limiter = new AccountRateLimiter(time, _ => new PlanLimits(HeavyPerSecond: 1_000, ResourceIntensivePerMinute: 1_000, Daily: 5));
        var account = new Account("a", AccountPlan.Free, false, false);

        var decisions = Enumerable.Range(0, 6).Select(i => limiter.TryAcquire(account, i % 2 == 0 ? RateCategory.Heavy : RateCategory.ResourceIntensive)).ToList();

        Assert.All(decisions.Take(5), d => Assert.True(d.Allowed));
        Assert.Equal([4L, 3L, 2L, 1L, 0L], decisions.Take(5).Select(d => d.Remaining));
        Assert.False(decisions[5].Allowed);
        Assert.True(decisions[5].Daily);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), decisions[5].RetryAt);

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(limiter.TryAcquire(account, RateCategory.Heavy).Allowed);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire(account, RateCategory.Heavy).Allowed);
    }

    [Fact]
    public void A_full_per_second_window_refuses_with_a_retry_time_within_the_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var limiter = new AccountRateLimiter(time, _ => new PlanLimits(HeavyPerSecond: 3, ResourceIntensivePerMinute: 1, Daily: 100));
        var account = new Account("a", AccountPlan.Pro, true, false);

        var decisions = Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire(account, RateCategory.Heavy)).ToList();

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.False(decisions[3].Daily);
        Assert.Equal(3, decisions[3].Limit);
        Assert.InRange(decisions[3].RetryAt - time.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Heavy_windows_are_whole_seconds_of_the_servers_clock_and_admit_exactly_the_limit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(700));
        using var limiter = new AccountRateLimiter(time);
        var account = new Account("a", AccountPlan.Business, true, false);
        var admitted = new Dictionary<long, int>();

        // 100 requests a simulated second for 3 seconds, starting 700 ms into a second.
        for (var i = 0; i < 300; i++)
        {
            var second = time.GetUtcNow().ToUnixTimeSeconds();
            if (limiter.TryAcquire(account, RateCategory.Heavy) is { Allowed: true })
            {
                admitted[second] = admitted.GetValueOrDefault(second) + 1;
            }
            else
            {
                Assert.Equal(second + 1, limiter.TryAcquire(account, RateCategory.Heavy).RetryAt.ToUnixTimeSeconds());
            }

            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // The first (partial) second has 30 requests and admits them all; each later second admits exactly 40.
        Assert.Equal([30, 40, 40, 40], admitted.OrderBy(a => a.Key).Select(a => a.Value));
    }

    [Theory]
    [InlineData(AccountPlan.Free, 1, 1_000)]
    [InlineData(AccountPlan.Pro, 10, 30_000)]
    [InlineData(AccountPlan.Business, 40, 60_000)]
    public void Plans_have_the_contracts_limits(AccountPlan plan, int heavyPerSecond, int daily)
    {
        var limits = PlanLimits.For(plan);

        Assert.Equal(heavyPerSecond, limits.HeavyPerSecond);
        Assert.Equal(daily, limits.Daily);
    }
}
