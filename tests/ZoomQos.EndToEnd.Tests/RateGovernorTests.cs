using Xunit.Abstractions;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Client.Http;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>
/// The process-wide governor keeps several walks of one account inside the account's limit, against the server's
/// own limiter, both on one fake clock. The clock moves only when every walk is waiting for the governor and no
/// request is in flight, by 10 ms: so every request reaches the server at the simulated moment it was
/// admitted, and the run is the same on any machine, however busy (the timed run is <c>bench -- governor</c>).
/// </summary>
public sealed class RateGovernorTests(SeededServer seeded, ITestOutputHelper output) : IClassFixture<SeededServer>
{
    private static readonly TimeSpan Slide = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Four_concurrent_walks_at_40_per_second_get_no_429_and_take_no_longer_than_at_40_a_second()
    {
        var time = seeded.Time;
        var limited = await seeded.StartAsync(o => o with { RateLimits = true });
        var counter = new InFlightCounter(time);
        string[] webinars = ["81234567890", "81234567891", "81234567892", "81234567894"];
        var clients = webinars.Select(_ => new ZoomQosClient(
            new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", limited.TokenAddress, timeProvider: time),
            new ZoomQosClientOptions { BaseUri = limited.ApiBaseAddress, RatePlan = AccountPlan.Business, Transport = counter, TimeProvider = time })).ToList();
        var governor = ZoomRateGovernor.For($"{limited.ApiBaseAddress.Authority}|demo", AccountPlan.Business, heavy: true, time);
        try
        {
            // The first slide at a whole simulated second, as the server's windows count them.
            time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (time.GetUtcNow().UtcTicks % TimeSpan.TicksPerSecond)));
            var start = time.GetUtcNow();
            var walks = clients.Select((c, i) => c.GetWebinarParticipantsQosAsync(webinars[i], i == 1 ? QosListType.Live : QosListType.Past).CountAsync().AsTask()).ToList();
            var all = Task.WhenAll(walks);
            await FakeClock.DriveAsync(time, all, () => counter.InFlight == 0 && governor.GetStatistics()!.CurrentQueuedCount == walks.Count(w => !w.IsCompleted), Slide);

            var counts = await all;
            var elapsed = time.GetUtcNow() - start;
            var pages = counter.Sent.Count;
            var ideal = TimeSpan.FromSeconds(pages / 40.0);
            var perSecond = counter.Sent.GroupBy(a => a.ToUnixTimeSeconds()).Select(g => g.Count()).ToList();
            output.WriteLine($"{pages} requests in {elapsed.TotalSeconds:0.000} simulated seconds (ideal at 40/s {ideal.TotalSeconds:0.000} s); per simulated second: {string.Join(", ", perSecond)}; {counter.TooManyRequests} x 429");
            Assert.Equal(0, counter.TooManyRequests);
            Assert.Equal(1003, counts[0]);
            Assert.True(pages >= 101 + 3 + 2, $"{pages} requests");
            Assert.All(perSecond, n => Assert.True(n <= 40, $"{n} requests reached the server in one simulated second"));
            Assert.True(elapsed <= ideal * 1.15, $"{pages} pages took {elapsed.TotalSeconds:0.00} simulated seconds; the ideal at 40/s is {ideal.TotalSeconds:0.00} s");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
