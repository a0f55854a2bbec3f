using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary><c>serve --sync</c> against a server that enforces the plan's limits and answers 429s.</summary>
/// <remarks>One seeded demo server for the class (<see cref="CliHarness"/>); a class of its own so that it runs beside the other sync tests.</remarks>
public sealed class SyncLimitTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Against_A_limiting_at_Business_rates_and_answering_429s_B_waits_them_out_and_ends_with_everything()
    {
        // A enforces the Business limits and answers one request in ten with a 429 and Retry-After besides: B paces
        // itself, waits out every 429, and its pass ends with no error and nothing missing. A and B share one fake
        // clock, moved 250 ms whenever the test looks: every wait, pacing and Retry-After alike, passes in simulated time.
        var clock = DemoServers.NewClock();
        var aStore = "sqlite:" + _cli.PathOf("a-limited.db");
        var a = await _cli.StartServerAsync(o => o with { Store = aStore, SeedDemo = true, RateLimits = true, TimeProvider = clock, Faults = Server.Faults.FaultSpec.Parse("429:10") });
        var bStore = "sqlite:" + _cli.PathOf("b-limited.db");
        var counter = new SessionCounter();
        var limited = 0;

        // Since four days ago: one Resource-intensive list call (20 a minute) instead of seven, and every Heavy page.
        var since = clock.GetUtcNow().AddDays(-4);
        await using (var b = await SyncingServer.StartAsync(CliHarness.DemoEnvironment(a), bStore, clock, ["--rate-plan", "business", "--sync-since", since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], inner => new StatusCounter(() => Interlocked.Increment(ref limited)) { InnerHandler = counter.Wrap(inner) }))
        {
            var done = await b.WaitForHealthAsync(s => s["last_run_ended"] is not null, () => clock.Advance(TimeSpan.FromMilliseconds(250)));
            Assert.True(done["last_error"] is null, done.ToJsonString());
            Assert.Equal(0, done["instances_behind"]!.GetValue<int>());
        }

        await using var aRead = QosStores.Open(aStore);
        await using var bRead = QosStores.Open(bStore);
        var instances = (await aRead.ListInstancesAsync("demo", QosListType.Past, since.UtcDateTime.Date, clock.GetUtcNow().AddDays(1), null, 100)).Instances;
        Assert.Equal(4, instances.Count); // the all-hands of yesterday (1,003 sessions), the team sync, the office hours, yesterday's weekly sync (a meeting)
        foreach (var instance in instances)
        {
            Assert.Equal(await aRead.CountParticipantsAsync(instance.Uuid), await bRead.CountParticipantsAsync(instance.Uuid));
        }

        Assert.True(limited > 0, "A answered no 429: the test did not test waiting them out");
    }

    /// <summary>Counts the 429s B received (which its retries would hide).</summary>
    private sealed class StatusCounter(Action on429) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode == 429)
            {
                on429();
            }

            return response;
        }
    }
}
