using Microsoft.Extensions.Time.Testing;
using ZoomQos.Client.Http;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Tests;

/// <summary>The process-wide governor's sliding window, on a fake clock: when each admission happens, in simulated time.</summary>
public class ZoomRateGovernorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AccountPlan.Business, 40)]
    [InlineData(AccountPlan.Pro, 10)]
    [InlineData(AccountPlan.Free, 1)]
    public void A_heavy_window_admits_the_whole_limit_at_once_then_never_a_limit_within_a_second_over_95_percent(AccountPlan plan, int limit)
    {
        var time = new FakeTimeProvider(Noon.AddMilliseconds(300));
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), plan, heavy: true, time);
        var start = time.GetUtcNow();

        // A caller that always wants more: it takes every permit the moment there is one, for 10 simulated seconds.
        var admitted = Greedy(window, time, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1));

        Assert.Equal(Enumerable.Repeat(start, limit), admitted.Take(limit));
        var spacing = TimeSpan.FromSeconds(1 / 0.95);
        Assert.All(admitted.Zip(admitted.Skip(limit)), pair => Assert.True(pair.Second - pair.First >= spacing, $"{pair.First:HH:mm:ss.fff} and {pair.Second:HH:mm:ss.fff} are a limit apart"));

        // It spends the budget: a whole limit every time the window has slid round (50 segments of 1.053 s / 49).
        var round = ZoomRateGovernor.SegmentPeriod(heavy: true) * 50;
        Assert.Equal(limit * (1 + (int)(TimeSpan.FromSeconds(10) / round)), admitted.Count);
    }

    [Fact]
    public void Queued_callers_are_admitted_oldest_first_as_their_permits_come_back()
    {
        var time = new FakeTimeProvider(Noon);
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Free, heavy: true, time);
        var waiting = Enumerable.Range(0, 3).Select(_ => window.AcquireAsync(1).AsTask()).ToList();
        var round = ZoomRateGovernor.SegmentPeriod(heavy: true) * 50;

        Assert.Equal([true, false, false], waiting.Select(w => w.IsCompleted));
        time.Advance(ZoomRateGovernor.Spacing(heavy: true) - TimeSpan.FromMilliseconds(1));
        Assert.Equal([true, false, false], waiting.Select(w => w.IsCompleted));
        time.Advance(round - time.GetUtcNow().Subtract(Noon));
        Assert.Equal([true, true, false], waiting.Select(w => w.IsCompleted));
        time.Advance(round);
        Assert.All(waiting, w => Assert.True(w.IsCompletedSuccessfully && w.Result.IsAcquired));
        waiting.ForEach(w => w.Result.Dispose());
    }

    [Fact]
    public void The_list_window_admits_the_resource_intensive_limit_per_simulated_minute_over_95_percent()
    {
        var time = new FakeTimeProvider(Noon);
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Business, heavy: false, time);

        var admitted = Greedy(window, time, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(100));

        // 20 at once, the next 20 when the window has slid round (64.4 s), none before a minute / 95 %.
        Assert.Equal(40, admitted.Count);
        Assert.Equal(Enumerable.Repeat(Noon, 20), admitted.Take(20));
        Assert.All(admitted.Skip(20), at => Assert.True(at - Noon >= TimeSpan.FromMinutes(1) / 0.95));
    }

    private static List<DateTimeOffset> Greedy(System.Threading.RateLimiting.RateLimiter window, FakeTimeProvider time, TimeSpan length, TimeSpan step)
    {
        var admitted = new List<DateTimeOffset>();
        var end = time.GetUtcNow() + length;
        while (time.GetUtcNow() < end)
        {
            while (window.AttemptAcquire(1) is { IsAcquired: true } lease)
            {
                lease.Dispose();
                admitted.Add(time.GetUtcNow());
            }

            time.Advance(step);
        }

        return admitted;
    }
}

/// <summary>Which window a request waits at: the lists of webinars and meetings are Resource-intensive, the rest Heavy.</summary>
public class RateGovernorHandlerTests
{
    [Theory]
    [InlineData("/v2/metrics/webinars?type=past&from=2026-11-01&to=2026-11-26", 20)]
    [InlineData("/v2/metrics/meetings?type=past&from=2026-11-01&to=2026-11-26", 20)]
    [InlineData("/v2/accounts/sub/metrics/meetings?type=live", 20)]
    [InlineData("/v2/metrics/meetings/85234567890/participants/qos?type=past", 40)]
    [InlineData("/v2/metrics/webinars/81234567890/participants/qos?type=past", 40)]
    public async Task A_business_account_sends_a_lists_limit_or_a_heavy_limit_at_once_and_waits_for_the_next(string path, int atOnce)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using var handler = new RateGovernorHandler("handler-" + Guid.NewGuid(), AccountPlan.Business, time) { InnerHandler = new Answer() };
        using var invoker = new HttpMessageInvoker(handler);
        var sends = Enumerable.Range(0, atOnce + 1).Select(_ => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.zoom.us" + path), default)).ToList();

        Assert.Equal(atOnce, sends.Count(s => s.IsCompleted));
        Assert.False(sends[^1].IsCompleted);
    }

    private sealed class Answer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
    }
}
