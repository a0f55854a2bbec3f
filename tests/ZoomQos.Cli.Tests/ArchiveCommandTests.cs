using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Tests;

/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>); its tests run one at a time and only read it.</remarks>
public sealed class ArchiveCommandTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task An_archive_cancelled_halfway_then_run_again_ends_with_the_servers_data_and_fetches_no_session_twice()
    {
        var archive = "sqlite:" + _cli.PathOf("archive.db");
        var counter = new SessionCounter();
        string[] args = ["archive", "--store", archive, "--rate-plan", "none"];

        // Run 1: stopped (as by Ctrl+C) once 40 pages have arrived, in the middle of the 1,003-session instance.
        using var cancel = new CancellationTokenSource();
        counter.OnPage = pages =>
        {
            if (pages == 40)
            {
                cancel.Cancel();
            }
        };
        var first = await CliHarness.RunAsync(args, CliHarness.DemoEnvironment(_cli.Server), counter.Wrap, cancellationToken: cancel.Token);
        Assert.True(first.ExitCode == 130, first.ToString());
        var afterFirst = counter.Sessions.Count;
        Assert.InRange(afterFirst, 300, 500);

        // Run 2: resumes from the checkpoints.
        counter.OnPage = null;
        var second = await CliHarness.RunAsync(args, CliHarness.DemoEnvironment(_cli.Server), counter.Wrap);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("(resumed)", second.Stderr, StringComparison.Ordinal);

        // Every session fetched exactly once over both runs.
        var fetched = counter.Sessions.ToList();
        var duplicates = fetched.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"fetched twice: {string.Join(", ", duplicates.Take(5))}");

        // The archive holds exactly the server's data for the instances in the default range (the last 30 days).
        await using var server = QosStores.Open("sqlite:" + _cli.ServerStore);
        await using var archived = QosStores.Open(archive);
        var now = DateTimeOffset.UtcNow;
        var instances = await server.ListInstancesAsync("demo", QosListType.Past, now.AddDays(-31), now.AddDays(1), null, 100);
        Assert.Equal(6, instances.Instances.Count); // three webinars and the weekly sync's three meetings
        long total = 0;
        foreach (var instance in instances.Instances)
        {
            var expected = await StoreReading.SessionsAsync(_cli.ServerStore, "demo", instance.Uuid);
            var actual = await StoreReading.SessionsAsync(_cli.PathOf("archive.db"), "demo", instance.Uuid);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            Assert.All(expected, e => Assert.True(JsonNode.DeepEquals(e.Value, actual[e.Key]), $"{instance.Uuid} {e.Key} differs"));
            Assert.Equal(instance, await archived.ResolveInstanceAsync("demo", instance.Uuid, QosListType.Past));
            Assert.True((await archived.GetCheckpointAsync(instance.Uuid))!.Complete);
            Assert.NotNull(await archived.GetSummaryAsync("demo", instance.Uuid)); // analysed once, for trends and the dashboard
            total += expected.Count;
        }

        Assert.Equal(total, fetched.Count);

        // Run 3: nothing is missing, so nothing is fetched.
        var before = counter.Sessions.Count;
        var third = await CliHarness.RunAsync(args, CliHarness.DemoEnvironment(_cli.Server), counter.Wrap);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal(before, counter.Sessions.Count);
        Assert.Contains("6 already complete, 0 archived, 0 sessions fetched, 0 summarised", third.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_of_named_webinars_takes_only_their_instances_and_warns_about_an_unknown_one()
    {
        var archive = _cli.PathOf("named.db");
        var run = await _cli.RunAsync("archive", "81234567894", "11111111111", "--store", "sqlite:" + archive, "--rate-plan", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning: no ended instance of webinar 11111111111", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(12, (await StoreReading.SessionsAsync(archive, "demo", "81234567894")).Count);
        await using var store = QosStores.Open("sqlite:" + archive);
        Assert.Null(await store.ResolveInstanceAsync("demo", "81234567890", QosListType.Past));
    }

    [Theory]
    [InlineData("--from", "2026-13-01", "--from must be a date")]
    [InlineData("--to", "yesterday", "--to must be a date")]
    public async Task Bad_dates_are_usage_errors(string option, string value, string message)
    {
        var run = await _cli.RunAsync("archive", "--store", "sqlite:" + _cli.PathOf("dates.db"), option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("dates.db")));
    }
}
