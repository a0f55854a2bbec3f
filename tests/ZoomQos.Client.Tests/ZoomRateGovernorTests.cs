using Microsoft.Extensions.Time.Testing;
using ZoomQos.Client.Http;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Tests;

/// <summary>The process-wide governor's pacing, on a fake clock: admissions counted per simulated second.</summary>
public class ZoomRateGovernorTests
{
    [Theory]
    [InlineData(AccountPlan.Business, 40)]
    [InlineData(AccountPlan.Pro, 10)]
    [InlineData(AccountPlan.Free, 1)]
    public void A_heavy_bucket_admits_95_percent_of_the_limit_every_simulated_second_and_never_more(AccountPlan plan, int limit)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(300));
        var bucket = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), plan, heavy: true, time);
        var admitted = new SortedDictionary<long, int>();
        var inAnySecond = new Queue<DateTimeOffset>();
        var mostInAnySecond = 0;

        // A caller that always wants more: it takes every token the moment there is one, for 10 simulated seconds.
        for (var ms = 0; ms < 10_000; ms++)
        {
            while (bucket.AttemptAcquire(1) is { IsAcquired: true } lease)
            {
                lease.Dispose();
                var now = time.GetUtcNow();
                admitted[now.ToUnixTimeSeconds()] = admitted.GetValueOrDefault(now.ToUnixTimeSeconds()) + 1;
                inAnySecond.Enqueue(now);
                while (now - inAnySecond.Peek() >= TimeSpan.FromSeconds(1))
                {
                    inAnySecond.Dequeue();
                }

                mostInAnySecond = Math.Max(mostInAnySecond, inAnySecond.Count);
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        // Whole seconds only (the first and last are partial): 95 % of the limit, give or take the one token held.
        var whole = admitted.Skip(1).SkipLast(1).Select(a => a.Value).ToList();
        Assert.All(whole, count => Assert.InRange(count, Math.Floor(limit * 0.95) - 1, Math.Ceiling(limit * 0.95)));
        Assert.True(mostInAnySecond <= limit, $"{mostInAnySecond} admitted within one second; the limit is {limit}");
        var total = admitted.Values.Sum();
        Assert.InRange(total, (int)(limit * 0.95 * 10) - 2, (int)Math.Ceiling(limit * 0.95 * 10) + 1);
    }

    [Fact]
    public void Queued_callers_are_admitted_in_order_one_token_at_a_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var bucket = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Business, heavy: true, time);
        var waiting = Enumerable.Range(0, 5).Select(_ => bucket.AcquireAsync(1).AsTask()).ToList();

        Assert.Equal([true, false, false, false, false], waiting.Select(w => w.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(1 / 38.0));
        Assert.Equal([true, true, false, false, false], waiting.Select(w => w.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(3 / 38.0));
        Assert.All(waiting, w => Assert.True(w.IsCompletedSuccessfully && w.Result.IsAcquired));
        waiting.ForEach(w => w.Result.Dispose());
    }

    [Fact]
    public void The_webinar_list_bucket_admits_the_resource_intensive_limit_per_simulated_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var bucket = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Business, heavy: false, time);
        var admitted = 0;

        for (var s = 0; s < 120; s++)
        {
            while (bucket.AttemptAcquire(1) is { IsAcquired: true } lease)
            {
                lease.Dispose();
                admitted++;
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        // 20 a minute at 95 %: 19 a minute, plus the token the bucket starts with.
        Assert.InRange(admitted, 38, 39);
    }
}
