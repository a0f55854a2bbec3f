using ZoomQos.Contracts.Qos;
using ZoomQos.Simulation;
using ZoomQos.Storage.Sqlite;
using ZoomQos.Storage.Tests.Support;

namespace ZoomQos.Storage.Tests;

/// <summary>The demo data set in a real SQLite store: every webinar of the issue resolves as described.</summary>
public sealed class DemoDataSetStoreTests(DemoDataSetStoreTests.SeededStore seeded) : IClassFixture<DemoDataSetStoreTests.SeededStore>
{
    private static readonly DateTimeOffset Now = SeededStore.Now;

    private readonly DemoDataSet _demo = seeded.Demo;

    private SqliteQosStore Store => seeded.Store;

    [Fact]
    public async Task Every_demo_webinar_resolves_as_described()
    {
        var allHands = await Store.ResolveInstanceAsync("demo", "81234567890", QosListType.Past);
        Assert.Equal(_demo.AllHands.Instance, allHands);
        Assert.Equal(1003, await Store.CountParticipantsAsync(allHands!.Uuid));
        Assert.Null(await Store.ResolveInstanceAsync("demo", "81234567890", QosListType.Live));

        var live = await Store.ResolveInstanceAsync("demo", "81234567891", QosListType.Live);
        Assert.True(live!.IsLive);
        Assert.InRange(await Store.CountParticipantsAsync(live.Uuid), 150, 202);
        Assert.Null(await Store.ResolveInstanceAsync("demo", "81234567891", QosListType.Past));

        Assert.Equal(DemoDataSet.SlashUuid, (await Store.ResolveInstanceAsync("demo", "81234567892", QosListType.Past))!.Uuid);
        Assert.Equal(DemoDataSet.SlashUuid, (await Store.ResolveInstanceAsync("demo", DemoDataSet.SlashUuid, QosListType.Past))!.Uuid);
        Assert.True((await Store.ResolveInstanceAsync("demo", "81234567893", QosListType.Past))!.EndTime < Now.AddMonths(-13));
        Assert.Equal(12, await Store.CountParticipantsAsync((await Store.ResolveInstanceAsync("demo", "81234567894", QosListType.Past))!.Uuid));
        Assert.Null(await Store.ResolveInstanceAsync("demo", "82234567890", QosListType.Past));
        Assert.NotNull(await Store.ResolveInstanceAsync("demo-hipaa", "82234567890", QosListType.Past));
        Assert.NotNull(await Store.AuthenticateAppAsync("demo-client-id", "demo-client-secret"));
        Assert.Null(await Store.AuthenticateAppAsync("demo-client-id", "demo-pro-client-secret"));
    }

    [Fact]
    public async Task The_all_hands_reads_back_as_101_pages_of_10_with_every_sample()
    {
        var pages = 0;
        var samples = 0;
        ParticipantCursor? cursor = null;
        do
        {
            var page = await Store.ReadParticipantsAsync(_demo.AllHands.Instance.Uuid, cursor, 10);
            pages++;
            samples += page.Participants.Sum(p => p.ToParticipant().UserQos!.Count);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(101, pages);
        Assert.Equal(_demo.AllHands.Participants().Sum(p => p.UserQos!.Count), samples);
    }

    /// <summary>One store seeded with the demo data set, shared by the tests of this class.</summary>
    public sealed class SeededStore : IAsyncLifetime
    {
        public static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 47, 31, TimeSpan.Zero);

        private readonly TemporaryDirectory _directory = new();
        private SqliteQosStore? _store;

        public DemoDataSet Demo { get; } = DemoDataSet.Create(Now);

        public SqliteQosStore Store => _store!;

        public async Task InitializeAsync()
        {
            _store = new SqliteQosStore(_directory.File("demo.db"));
            await _store.InitializeAsync();
            foreach (var account in Demo.Accounts)
            {
                await _store.UpsertAccountAsync(account);
            }

            foreach (var app in Demo.Apps)
            {
                await _store.UpsertAppAsync(app.App, app.ClientSecret);
            }

            foreach (var webinar in Demo.Webinars)
            {
                await _store.UpsertInstanceAsync(webinar.Instance);
                await _store.MergeParticipantsAsync(webinar.Instance.Uuid, webinar.SnapshotAt(webinar.Instance.IsLive ? Now : null).ToAsyncEnumerable());
            }
        }

        public async Task DisposeAsync()
        {
            await Store.DisposeAsync();
            _directory.Dispose();
        }
    }
}
