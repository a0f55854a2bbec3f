using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server.Hosting;
using ZoomQos.Storage;

using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary><c>serve --sync</c> when the server it syncs from stops in the middle of a walk and starts again.</summary>
/// <remarks>One seeded demo server for the class (<see cref="CliHarness"/>); a class of its own so that it runs beside the other sync tests.</remarks>
public sealed class SyncResumeTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task When_A_stops_mid_sync_and_starts_again_B_resumes_from_its_checkpoints_fetching_no_session_twice()
    {
        var port = FreePorts.Next();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32); // page tokens outlive A's restart
        var aStore = "sqlite:" + _cli.PathOf("a-restarted.db");
        ServerOptions Configure(ServerOptions o) => o with { Store = aStore, SeedDemo = true, Urls = $"http://127.0.0.1:{port}", SigningKey = key };
        var a = await _cli.StartServerAsync(Configure);
        var counter = new SessionCounter { OnlyWhereQueryHas = "type=past" };
        var stopped = new TaskCompletionSource();
        counter.OnPage = pages =>
        {
            if (pages == 40)
            {
                stopped.TrySetResult(); // in the middle of the 1,003-session all-hands
            }
        };
        var clock = new FakeTimeProvider(_cli.ServerTime.GetUtcNow());
        await using var b = await SyncingServer.StartAsync(CliHarness.DemoEnvironment(a), "sqlite:" + _cli.PathOf("b-resumed.db"), clock, ["--rate-plan", "none", "--sync-interval", "2m"], counter.Wrap);

        await stopped.Task.WaitAsync(SyncingServer.Deadline);
        await a.DisposeAsync();
        // B's clock moves only as far as the test needs: a checkpoint's page token older than 14 minutes is not tried
        // (Zoom's last 15), and a walk started again would fetch sessions twice. At most 10 minutes in all, however slow
        // the machine is and however often the test looks.
        var moved = TimeSpan.Zero;
        void Move(TimeSpan step)
        {
            if (moved < TimeSpan.FromMinutes(10))
            {
                clock.Advance(step);
                moved += step;
            }
        }

        var failed = await b.WaitForHealthAsync(s => s["last_error"] is not null, () => Move(TimeSpan.FromSeconds(5))); // retries on B's clock
        Assert.True(failed["instances_behind"]!.GetValue<int>() > 0, failed.ToJsonString());
        a = await _cli.StartServerAsync(Configure);
        var done = await b.WaitForHealthAsync(s => s["last_error"] is null && s["instances_behind"]!.GetValue<int>() == 0, () => Move(TimeSpan.FromSeconds(20))); // the next pass, 2 minutes on

        // The scrape shows the failed pass and the one after it (other sync tests' servers in this process may add theirs).
        var scrape = await b.ScrapeAsync();
        Assert.Contains("zoomqos_sync_runs_total{otel_scope_name=\"ZoomQos.Sync\",outcome=\"failed\"}", scrape, StringComparison.Ordinal);
        Assert.Contains("zoomqos_sync_runs_total{otel_scope_name=\"ZoomQos.Sync\",outcome=\"ok\"}", scrape, StringComparison.Ordinal);
        Assert.Contains("zoomqos_sync_lag_seconds", scrape, StringComparison.Ordinal);
        Assert.Contains("zoomqos_sync_instances_behind", scrape, StringComparison.Ordinal);
        Assert.Contains("zoomqos_sync_instances_archived_total", scrape, StringComparison.Ordinal); // every sync name deploy/grafana/zoomqos.json charts

        var fetched = counter.Sessions.ToList();
        var twice = fetched.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"fetched twice: {string.Join(", ", twice.Take(5))}");
        await using var aRead = QosStores.Open(aStore);
        await using var bRead = QosStores.Open("sqlite:" + _cli.PathOf("b-resumed.db"));
        var now = _cli.ServerTime.GetUtcNow();
        long total = 0;
        foreach (var instance in (await aRead.ListInstancesAsync("demo", QosListType.Past, now.AddDays(-180), now.AddDays(1), null, 100)).Instances)
        {
            var expected = await aRead.CountParticipantsAsync(instance.Uuid);
            Assert.Equal(expected, await bRead.CountParticipantsAsync(instance.Uuid));
            Assert.True((await bRead.GetCheckpointAsync(instance.Uuid))!.Complete);
            total += expected;
        }

        Assert.Equal(total, fetched.Count); // no gap: every session of every ended instance, once
        Assert.True(done["last_error"] is null, done.ToJsonString());
    }
}
