using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZoomQos.Server.Demo;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>Seeding the demo again: an ended instance already stored whole is left alone; one stored in part, or at another reference time, ends as the data set has it.</summary>
public sealed class DemoSeederTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("zoomqos-seeder-").FullName;

    [Fact]
    public async Task A_second_seed_at_the_same_time_leaves_every_ended_instance_alone_and_changes_nothing()
    {
        var path = Path.Combine(_directory, "twice.db");
        await DemoStoreTemplates.CopyToAsync(path, At); // what DemoSeeder wrote into a new store at At
        await using var store = await OpenAsync(path);
        var demo = DemoDataSet.Create(At);
        var before = await store.ComputeChecksumAsync();

        var log = new SeedLog();
        await DemoSeeder.SeedAsync(store, demo, At, log, default);

        Assert.Equal(before, await store.ComputeChecksumAsync());
        Assert.Equal(demo.Webinars.Where(w => !w.Instance.IsLive).Select(w => w.Instance.Uuid).Order(), log.Uuids(AlreadySeeded).Order());
        Assert.Equal(demo.Webinars.Where(w => w.Instance.IsLive).Select(w => w.Instance.Uuid).Order(), log.Uuids(Seeded).Order());
    }

    [Fact]
    public async Task Instances_seeded_a_day_earlier_or_stored_in_part_end_as_the_data_set_has_them_without_the_old_minutes()
    {
        var path = Path.Combine(_directory, "moved.db");
        await DemoStoreTemplates.CopyToAsync(path, At.AddDays(-1));
        await using var store = await OpenAsync(path);
        var demo = DemoDataSet.Create(At);
        var allHands = demo.Webinars.Where(w => w.Instance.WebinarId == DemoDataSet.AllHandsWebinarId).MaxBy(w => w.Instance.StartTime)!;
        await store.UpsertInstanceAsync(allHands.Instance);
        await store.ReplaceParticipantsAsync(allHands.Instance.Uuid, allHands.Participants().Take(10).ToAsyncEnumerable());

        await DemoSeeder.SeedAsync(store, demo, At, NullLogger.Instance, default);

        foreach (var webinar in demo.Webinars)
        {
            var expected = webinar.SnapshotAt(webinar.Instance.IsLive ? At : null).ToDictionary(p => p.UserId!, p => p.UserQos!.Count);
            var stored = new Dictionary<string, int>();
            ParticipantCursor? cursor = null;
            do
            {
                var page = await store.ReadParticipantsAsync(webinar.Instance.Uuid, cursor, 300);
                foreach (var participant in page.Participants)
                {
                    stored[participant.Cursor.UserId] = participant.SampleJson.Count;
                }

                cursor = page.Next;
            }
            while (cursor is not null);

            Assert.Equal(expected.OrderBy(e => e.Key), stored.OrderBy(e => e.Key));
            Assert.Equal(webinar.Instance, await store.ResolveInstanceAsync(webinar.Instance.AccountId, webinar.Instance.Uuid, webinar.Instance.IsLive ? Contracts.Qos.QosListType.Live : Contracts.Qos.QosListType.Past));
        }
    }

    [Fact]
    public async Task Into_a_new_store_every_app_and_user_is_written_and_an_app_stored_with_another_secret_or_scopes_is_written_again()
    {
        var demo = DemoDataSet.Create(At);
        await using var fresh = await OpenAsync(Path.Combine(_directory, "fresh.db"));
        await DemoSeeder.SeedAsync(fresh, demo, At, NullLogger.Instance, default);
        foreach (var app in demo.Apps)
        {
            Assert.Equal(app.App.Scopes, (await fresh.AuthenticateAppAsync(app.App.ClientId, app.ClientSecret))?.Scopes);
        }

        foreach (var (email, accountId) in demo.Users)
        {
            Assert.Equal(accountId, (await fresh.FindUserAsync(email))?.User.AccountId);
        }

        var path = Path.Combine(_directory, "changed.db");
        await DemoStoreTemplates.CopyToAsync(path, At);
        await using var store = await OpenAsync(path);
        var (resalted, rescoped) = (demo.Apps[0], demo.Apps[1]);
        await store.UpsertAppAsync(resalted.App, "another-secret");
        await store.UpsertAppAsync(rescoped.App with { Scopes = ["dashboard:read:admin"] }, rescoped.ClientSecret);

        await DemoSeeder.SeedAsync(store, demo, At, NullLogger.Instance, default);

        Assert.NotNull(await store.AuthenticateAppAsync(resalted.App.ClientId, resalted.ClientSecret));
        Assert.Null(await store.AuthenticateAppAsync(resalted.App.ClientId, "another-secret"));
        Assert.Equal(rescoped.App.Scopes, (await store.AuthenticateAppAsync(rescoped.App.ClientId, rescoped.ClientSecret))?.Scopes);
    }

    private const int Seeded = 10;
    private const int AlreadySeeded = 11;

    private static async Task<IQosStore> OpenAsync(string path)
    {
        var store = QosStores.Open("sqlite:" + path);
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The instance UUIDs the seeder logged, by event ID.</summary>
    private sealed class SeedLog : ILogger
    {
        private readonly ConcurrentQueue<(int EventId, string Uuid)> _entries = new();

        public IEnumerable<string> Uuids(int eventId) => _entries.Where(e => e.EventId == eventId).Select(e => e.Uuid);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "Uuid").Value is string uuid)
            {
                _entries.Enqueue((eventId.Id, uuid));
            }
        }
    }
}
