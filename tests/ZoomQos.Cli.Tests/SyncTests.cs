using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>serve --sync</c> over real HTTP between two servers: A (the harness's <c>serve --seed demo</c>) stands in for
/// Zoom, B syncs A's demo account into its own store. Both run on fake clocks: a "minute" is an Advance, not a wait.
/// </summary>
/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>).</remarks>
public sealed class SyncTests(CliHarness cli) : IClassFixture<CliHarness>
{
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
        Assert.Equal(7, first["instances_archived"]!.GetValue<int>()); // the ended instances of the last six months: four webinars, three meetings

        await using (var a = QosStores.Open("sqlite:" + _cli.ServerStore))
        await using (var synced = QosStores.Open("sqlite:" + store))
        {
            var now = _cli.ServerTime.GetUtcNow();
            var ended = await a.ListInstancesAsync("demo", QosListType.Past, now.AddDays(-180), now.AddDays(1), null, 100);
            Assert.Equal(7, ended.Instances.Count);
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
        using var deadline = new CancellationTokenSource(SyncingServer.Deadline);
        while (!await done())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
