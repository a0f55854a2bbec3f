using ZoomQos.Archive.Summaries;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;
using ZoomQos.Storage.Sqlite;

namespace ZoomQos.Archive.Tests;

/// <summary>Instances that came in without a summary get one on a read, the latest first, a bounded number at a time.</summary>
public sealed class BackfillTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-backfill-" + Guid.NewGuid().ToString("N"));
    private SqliteQosStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _store = new SqliteQosStore(Path.Combine(_directory, "backfill.db"));
        await _store.InitializeAsync();
        await _store.UpsertAccountAsync(new Account("open", AccountPlan.Business, true, PrivacyBlanking: false));
        await _store.UpsertAccountAsync(new Account("blanked", AccountPlan.Business, true, PrivacyBlanking: true));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Ended_instances_are_summarised_latest_first_a_few_at_a_time_and_live_ones_never()
    {
        var first = await SeedAsync("open", "bf-1==", Now.AddDays(-3));
        var second = await SeedAsync("open", "bf-2==", Now.AddDays(-2));
        var third = await SeedAsync("open", "bf-3==", Now.AddDays(-1));
        var live = await SeedAsync("open", "bf-4==", Now.AddMinutes(-30), live: true);

        Assert.Equal(2, await InstanceSummaries.BackfillAsync(_store, "open", DateTimeOffset.UnixEpoch, Now, 2, Now));
        Assert.Null(await _store.GetSummaryAsync("open", first.Uuid));
        Assert.NotNull(await _store.GetSummaryAsync("open", second.Uuid));
        Assert.NotNull(await _store.GetSummaryAsync("open", third.Uuid));
        Assert.Equal(1, await InstanceSummaries.BackfillAsync(_store, "open", DateTimeOffset.UnixEpoch, Now, 2, Now));
        Assert.Equal(0, await InstanceSummaries.BackfillAsync(_store, "open", DateTimeOffset.UnixEpoch, Now, 2, Now));
        Assert.Null(await _store.GetSummaryAsync("open", live.Uuid));
    }

    [Fact]
    public async Task A_privacy_blanked_accounts_summary_names_nobody()
    {
        var blanked = await SeedAsync("blanked", "bf-9==", Now.AddDays(-1));

        await InstanceSummaries.BackfillAsync(_store, "blanked", DateTimeOffset.UnixEpoch, Now, 10, Now);

        var summary = InstanceSummaries.Read((await _store.GetSummaryAsync("blanked", blanked.Uuid))!);
        var outcomes = await _store.ReadSessionOutcomesAsync(blanked.Uuid);
        Assert.NotEmpty(summary.TopCauses);
        Assert.All(summary.TopCauses, c => Assert.Equal((string.Empty, string.Empty), (c.CauseName == Analysis.History.PersonKey.UnknownName ? string.Empty : c.CauseName, c.CauseEmail)));
        Assert.All(outcomes, o => Assert.Equal((string.Empty, string.Empty), (o.Person, o.Email)));
        Assert.Empty(await _store.SearchPeopleAsync("blanked", "example", 10));
    }

    private async Task<WebinarInstance> SeedAsync(string account, string uuid, DateTimeOffset start, bool live = false)
    {
        var instance = new WebinarInstance(uuid, 81234567890, account, "Weekly", "Grace Hopper", "grace@example.com", start, live ? null : start.AddMinutes(60));
        var webinar = WebinarSimulator.Simulate(new WebinarSpec(instance, 1, 40, 60, (int)start.ToUnixTimeSeconds(), PlantFaults: true));
        await _store.UpsertInstanceAsync(instance);
        await _store.MergeParticipantsAsync(uuid, webinar.SnapshotAt(live ? Now : null).ToAsyncEnumerable());
        return instance;
    }
}
