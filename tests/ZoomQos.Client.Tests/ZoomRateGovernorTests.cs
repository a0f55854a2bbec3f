using Microsoft.Extensions.Time.Testing;
using ZoomQos.Client.Http;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Tests;

/// <summary>The process-wide governor's window, on a fake clock: when each admission happens, in simulated time.</summary>
public class ZoomRateGovernorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AccountPlan.Business, 40)]
    [InlineData(AccountPlan.Pro, 10)]
    [InlineData(AccountPlan.Free, 1)]
    public void A_heavy_window_admits_the_whole_limit_at_once_then_never_a_limit_within_a_second_over_99_percent(AccountPlan plan, int limit)
    {
        var time = new FakeTimeProvider(Noon.AddMilliseconds(300));
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), plan, heavy: true, time);
        var start = time.GetUtcNow();

        // A caller that always wants more: it takes every permit the moment there is one, for 10 simulated seconds.
        var admitted = Greedy(window, time, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1));

        Assert.Equal(Enumerable.Repeat(start, limit), admitted.Take(limit));
        var spacing = TimeSpan.FromSeconds(1 / 0.99);
        Assert.Equal(spacing, ZoomRateGovernor.Spacing(heavy: true));
        Assert.All(admitted.Zip(admitted.Skip(limit)), pair => Assert.True(pair.Second - pair.First >= spacing, $"{pair.First:HH:mm:ss.fff} and {pair.Second:HH:mm:ss.fff} are a limit apart"));

        // It spends the budget: a whole limit every time the permits come back, the first millisecond step after
        // 1.0101 s (each lease is returned the moment it is taken), so ten rounds in ten seconds.
        Assert.Equal(limit * 10, admitted.Count);
    }

    [Fact]
    public async Task Queued_callers_are_admitted_oldest_first_a_spacing_after_the_permit_before_them_came_back()
    {
        var time = new FakeTimeProvider(Noon);
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Free, heavy: true, time);
        var spacing = ZoomRateGovernor.Spacing(heavy: true);
        var waiting = Enumerable.Range(0, 3).Select(_ => window.AcquireAsync(1).AsTask()).ToList();
        Assert.Equal([true, false, false], waiting.Select(w => w.IsCompleted));

        // The first request is still out after three spacings (a slow response): its permit is still taken.
        time.Advance(spacing * 3);
        Assert.Equal([true, false, false], waiting.Select(w => w.IsCompleted));

        // Its response came: the next is admitted a whole spacing later, not before.
        (await waiting[0]).Dispose();
        time.Advance(spacing - TimeSpan.FromMilliseconds(1));
        Assert.Equal([true, false, false], waiting.Select(w => w.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([true, true, false], waiting.Select(w => w.IsCompleted));

        (await waiting[1]).Dispose();
        time.Advance(spacing);
        Assert.True(waiting[2].IsCompletedSuccessfully);
        var last = await waiting[2];
        Assert.True(last.IsAcquired);
        last.Dispose();
        Assert.Equal(0, window.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task A_cancelled_caller_leaves_the_queue_and_the_one_behind_it_takes_its_turn()
    {
        var time = new FakeTimeProvider(Noon);
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Free, heavy: true, time);
        using var first = window.AttemptAcquire(1);
        using var cancel = new CancellationTokenSource();
        var cancelled = window.AcquireAsync(1, cancel.Token).AsTask();
        var behind = window.AcquireAsync(1).AsTask();
        Assert.False(window.AttemptAcquire(1).IsAcquired);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, window.GetStatistics()!.CurrentQueuedCount);

        first.Dispose();
        time.Advance(ZoomRateGovernor.Spacing(heavy: true));
        Assert.True(behind.IsCompletedSuccessfully);
        using var lease = await behind;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Disposing_the_window_fails_its_waiters_and_a_lease_returned_after_it_is_harmless()
    {
        var time = new FakeTimeProvider(Noon);
        var window = new ReleaseWindowLimiter(1, TimeSpan.FromSeconds(1), time);
        var held = window.AttemptAcquire(1);
        var waiting = window.AcquireAsync(1).AsTask();

        window.Dispose();
        Assert.True(waiting.IsFaulted); // at once, not when some timer fires
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        held.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Throws<ObjectDisposedException>(() => window.AttemptAcquire(1));
    }

    [Fact]
    public void The_list_window_admits_the_resource_intensive_limit_per_simulated_minute_over_99_percent()
    {
        var time = new FakeTimeProvider(Noon);
        var window = ZoomRateGovernor.For("governor-" + Guid.NewGuid(), AccountPlan.Business, heavy: false, time);

        var admitted = Greedy(window, time, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(100));

        // 20 at once, the next 20 a minute / 99 % (60.6 s) later, none before.
        Assert.Equal(40, admitted.Count);
        Assert.Equal(Enumerable.Repeat(Noon, 20), admitted.Take(20));
        Assert.All(admitted.Skip(20), at => Assert.True(at - Noon >= TimeSpan.FromMinutes(1) / 0.99));
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
