using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary><c>serve --sync</c> on several nodes of one PostgreSQL database: one syncs at a time.</summary>
/// <remarks>One seeded demo server for the class (<see cref="CliHarness"/>); a class of its own so that it runs beside the other sync tests.</remarks>
public sealed class SyncNodesTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

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
        var listening = await one.WaitForStderrAsync("zoomqos serve: listening on", SyncingServer.Deadline);
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
        await one.WaitForExitAsync(SyncingServer.Deadline);
        var active = await two.WaitForHealthAsync(s => s["role"]!.GetValue<string>() == "active" && s["last_run_ended"] is not null, () => clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.True(active["last_error"] is null, active.ToJsonString());
        Assert.Equal(0, active["instances_archived"]!.GetValue<int>()); // node one had archived everything: nothing twice
        await using var synced = QosStores.Open(store);
        var now = _cli.ServerTime.GetUtcNow();
        var ended = await synced.ListInstancesAsync("demo", QosListType.Past, now.AddDays(-180), now.AddDays(1), null, 100);
        Assert.Equal(7, ended.Instances.Count); // four webinars, three meetings
        foreach (var instance in ended.Instances)
        {
            Assert.True((await synced.GetCheckpointAsync(instance.Uuid))!.Complete);
            Assert.NotNull(await synced.GetSummaryAsync("demo", instance.Uuid));
        }
    }

    private static async Task<JsonNode> HealthAsync(HttpClient http, Func<JsonNode, bool> ready)
    {
        using var deadline = new CancellationTokenSource(SyncingServer.Deadline);
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
}
