using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server.Hosting;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>serve --sync</c> over real HTTP between two servers: A (the harness's <c>serve --seed demo</c>) stands in for
/// Zoom, B syncs A's demo account into its own store. Both run on fake clocks: a "minute" is an Advance, not a wait.
/// </summary>
/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>).</remarks>
public sealed class SyncTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90); // a bound on work, not a measured figure

    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task B_archives_every_ended_instance_equal_to_A_with_summaries_and_follows_the_live_webinar_minute_by_minute()
    {
        var store = _cli.PathOf("synced.db");
        var clock = new FakeTimeProvider(_cli.ServerTime.GetUtcNow());
        await using var b = await SyncingServer.StartAsync(_cli, "sqlite:" + store, clock);

        var first = await b.WaitForHealthAsync(s => s["last_run_ended"] is not null && s["last_live_merge"] is not null);
        Assert.True(first["last_error"] is null, first.ToJsonString());
        Assert.Equal(0, first["instances_behind"]!.GetValue<int>());
        Assert.Equal(4, first["instances_archived"]!.GetValue<int>()); // the ended instances of the last six months

        await using (var a = QosStores.Open("sqlite:" + _cli.ServerStore))
        await using (var synced = QosStores.Open("sqlite:" + store))
        {
            var now = _cli.ServerTime.GetUtcNow();
            var ended = await a.ListInstancesAsync("demo", QosListType.Past, now.AddDays(-180), now.AddDays(1), null, 100);
            Assert.Equal(4, ended.Instances.Count);
            foreach (var instance in ended.Instances)
            {
                await AssertSameSessionsAsync(instance.Uuid);
                Assert.Equal(instance, await synced.ResolveInstanceAsync("demo", instance.Uuid, QosListType.Past));
                Assert.NotNull(await synced.GetSummaryAsync("demo", instance.Uuid));
            }
        }

        // The live webinar: what A has now, then A's next minute one minute later on B's clock.
        var live = await LiveUuidAsync();
        await AssertSameSessionsAsync(live);
        var samples = await SampleCountAsync(_cli.ServerStore, live);
        _cli.ServerTime.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(async () => await SampleCountAsync(_cli.ServerStore, live) > samples);
        var merged = first["last_live_merge"]!.GetValue<string>();
        clock.Advance(TimeSpan.FromMinutes(1));
        await b.WaitForHealthAsync(s => s["last_live_merge"]!.GetValue<string>() != merged);
        Assert.True(await SampleCountAsync(store, live) > samples);
        await AssertSameSessionsAsync(live);

        async Task AssertSameSessionsAsync(string uuid)
        {
            var expected = await StoreReading.SessionsAsync(_cli.ServerStore, "demo", uuid);
            var actual = await StoreReading.SessionsAsync(store, "demo", uuid);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, e => Assert.True(JsonNode.DeepEquals(e.Value, actual[e.Key]), $"{uuid} {e.Key} differs"));
        }
    }

    [SkippableFact]
    public async Task On_postgres_two_nodes_sync_one_at_a_time_and_the_other_takes_over_when_the_first_is_killed()
    {
        var cluster = await PostgresSkip.RequireAsync();
        var store = "postgres:" + await cluster.CreateDatabaseAsync();

        // Node one, a real process: it takes the lease and syncs.
        using var one = ZoomqosProcess.Start(
            "serve", "--urls", "http://127.0.0.1:0", "--store", store, "--sync", "--rate-plan", "none", "--no-rate-limit",
            "--base-url", _cli.Server.ApiBaseAddress.AbsoluteUri, "--token-url", _cli.Server.TokenAddress.AbsoluteUri,
            "--account-id", "demo", "--client-id", "demo-client-id", "--client-secret", "demo-client-secret");
        var listening = await one.WaitForStderrAsync("zoomqos serve: listening on", Deadline);
        using var oneHttp = new HttpClient { BaseAddress = new Uri(System.Text.RegularExpressions.Regex.Match(listening, @"listening on (\S+) ").Groups[1].Value) };
        var oneSync = await HealthAsync(oneHttp, s => s["role"]!.GetValue<string>() == "active" && s["last_run_ended"] is not null);
        Assert.True(oneSync["last_error"] is null, oneSync.ToJsonString());

        // Node two, in-process on a fake clock: it stands by while node one holds the lease.
        var clock = new FakeTimeProvider(_cli.ServerTime.GetUtcNow());
        await using var two = await SyncingServer.StartAsync(_cli, store, clock);
        var standby = await two.WaitForHealthAsync(s => s["role"]!.GetValue<string>() == "standby");
        clock.Advance(TimeSpan.FromMinutes(1));
        standby = await two.WaitForHealthAsync(s => s["role"]!.GetValue<string>() == "standby");
        Assert.True(standby["last_run_started"] is null, standby.ToJsonString());

        // Node one dies without a word; node two takes over within a retry (a minute of its clock) once PostgreSQL
        // has dropped the dead session's lock, and finds the archive complete.
        one.Signal("KILL");
        await one.WaitForExitAsync(Deadline);
        var active = await two.WaitForHealthAsync(s => s["role"]!.GetValue<string>() == "active" && s["last_run_ended"] is not null, () => clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.True(active["last_error"] is null, active.ToJsonString());
        Assert.Equal(0, active["instances_archived"]!.GetValue<int>()); // node one had archived everything: nothing twice
        await using var synced = QosStores.Open(store);
        var now = _cli.ServerTime.GetUtcNow();
        var ended = await synced.ListInstancesAsync("demo", QosListType.Past, now.AddDays(-180), now.AddDays(1), null, 100);
        Assert.Equal(4, ended.Instances.Count);
        foreach (var instance in ended.Instances)
        {
            Assert.True((await synced.GetCheckpointAsync(instance.Uuid))!.Complete);
            Assert.NotNull(await synced.GetSummaryAsync("demo", instance.Uuid));
        }
    }

    [Fact]
    public async Task When_A_stops_mid_sync_and_starts_again_B_resumes_from_its_checkpoints_fetching_no_session_twice()
    {
        var port = FreePort();
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

        await stopped.Task.WaitAsync(Deadline);
        await a.DisposeAsync();
        var failed = await b.WaitForHealthAsync(s => s["last_error"] is not null, () => clock.Advance(TimeSpan.FromSeconds(5))); // retries on B's clock
        Assert.True(failed["instances_behind"]!.GetValue<int>() > 0, failed.ToJsonString());
        a = await _cli.StartServerAsync(Configure);
        var done = await b.WaitForHealthAsync(s => s["last_error"] is null && s["instances_behind"]!.GetValue<int>() == 0, () => clock.Advance(TimeSpan.FromMinutes(1)));

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

    [Fact]
    public async Task Against_A_limiting_at_Business_rates_and_answering_429s_B_waits_them_out_and_ends_with_everything()
    {
        // A enforces the Business limits on the real clock and answers one request in ten with a 429 and Retry-After
        // besides: B paces itself, waits out every 429, and its pass ends with no error and nothing missing.
        var aStore = "sqlite:" + _cli.PathOf("a-limited.db");
        var a = await _cli.StartServerAsync(o => o with { Store = aStore, SeedDemo = true, RateLimits = true, TimeProvider = TimeProvider.System, Faults = Server.Faults.FaultSpec.Parse("429:10") });
        var bStore = "sqlite:" + _cli.PathOf("b-limited.db");
        var counter = new SessionCounter();
        var limited = 0;

        // Since four days ago: one Resource-intensive list call (20 a minute) instead of seven, and every Heavy page.
        var since = DateTimeOffset.UtcNow.AddDays(-4);
        await using (var b = await SyncingServer.StartAsync(CliHarness.DemoEnvironment(a), bStore, TimeProvider.System, ["--rate-plan", "business", "--sync-since", since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], inner => new StatusCounter(() => Interlocked.Increment(ref limited)) { InnerHandler = counter.Wrap(inner) }))
        {
            var done = await b.WaitForHealthAsync(s => s["last_run_ended"] is not null);
            Assert.True(done["last_error"] is null, done.ToJsonString());
            Assert.Equal(0, done["instances_behind"]!.GetValue<int>());
        }

        await using var aRead = QosStores.Open(aStore);
        await using var bRead = QosStores.Open(bStore);
        var instances = (await aRead.ListInstancesAsync("demo", QosListType.Past, since.UtcDateTime.Date, DateTimeOffset.UtcNow.AddDays(1), null, 100)).Instances;
        Assert.Equal(3, instances.Count); // the all-hands of yesterday (1,003 sessions), the team sync, the office hours
        foreach (var instance in instances)
        {
            Assert.Equal(await aRead.CountParticipantsAsync(instance.Uuid), await bRead.CountParticipantsAsync(instance.Uuid));
        }

        Assert.True(limited > 0, "A answered no 429: the test did not test waiting them out");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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

    private static async Task<JsonNode> HealthAsync(HttpClient http, Func<JsonNode, bool> ready)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            try
            {
                var sync = JsonNode.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative), deadline.Token))!["sync"];
                if (sync is not null && ready(sync))
                {
                    return sync;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    private async Task<string> LiveUuidAsync()
    {
        await using var a = QosStores.Open("sqlite:" + _cli.ServerStore);
        return (await a.ResolveInstanceAsync("demo", "81234567891", QosListType.Live))!.Uuid;
    }

    private static async Task<long> SampleCountAsync(string path, string uuid)
    {
        var sessions = await StoreReading.SessionsAsync(path, "demo", uuid);
        return sessions.Values.Sum(s => (long)(s["user_qos"]?.AsArray().Count ?? 0));
    }

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await done())
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>B: <c>zoomqos serve --sync</c> in-process on a free loopback port, pointed at A with the demo credentials.</summary>
    private sealed class SyncingServer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task<CliRun> _run;
        private readonly HttpClient _http;

        private SyncingServer(CancellationTokenSource stop, Task<CliRun> run, Uri address)
        {
            _stop = stop;
            _run = run;
            _http = new HttpClient { BaseAddress = address };
        }

        public static Task<SyncingServer> StartAsync(CliHarness cli, string store, TimeProvider clock) =>
            StartAsync(CliHarness.DemoEnvironment(cli.Server), store, clock, ["--rate-plan", "none"]);

        public static async Task<SyncingServer> StartAsync(IReadOnlyDictionary<string, string> zoom, string store, TimeProvider clock, string[] extra, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
        {
            await Task.Yield();
            var port = FreePort();
#pragma warning disable CA2000 // owned by the server, disposed with it
            var stop = new CancellationTokenSource();
#pragma warning restore CA2000
            var run = CliHarness.RunAsync(
                ["serve", "--urls", $"http://127.0.0.1:{port}", "--store", store, "--sync", "--no-rate-limit", .. extra],
                zoom,
                wrap,
                time: clock,
                cancellationToken: stop.Token);
            return new SyncingServer(stop, run, new Uri($"http://127.0.0.1:{port}/"));
        }

        public async Task<JsonNode> WaitForHealthAsync(Func<JsonNode, bool> ready, Action? between = null)
        {
            using var deadline = new CancellationTokenSource(Deadline);
            while (true)
            {
                if (_run.IsCompleted)
                {
                    throw new InvalidOperationException("serve --sync ended: " + await _run);
                }

                try
                {
                    var sync = JsonNode.Parse(await _http.GetStringAsync(new Uri("/health", UriKind.Relative), deadline.Token))!["sync"];
                    if (sync is not null && ready(sync))
                    {
                        return sync;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                between?.Invoke();
                await Task.Delay(50, deadline.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            var run = await _run;
            Assert.True(run.ExitCode == 0, run.ToString());
            _stop.Dispose();
            _http.Dispose();
        }

    }
}
