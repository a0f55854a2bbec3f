using ZoomQos.Storage.Postgres;
using ZoomQos.Storage.Sqlite;
using ZoomQos.Storage.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Storage.Tests;

/// <summary>One shared SQL store under both providers: the same writes leave the same contents, by one digest.</summary>
public sealed class StoreParityTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [SkippableFact]
    public async Task The_same_merges_give_the_same_checksum_in_sqlite_and_in_postgresql()
    {
        var cluster = await PostgresSkip.RequireAsync();
        var database = await cluster.CreateDatabaseAsync();
        try
        {
            var digests = new List<string>();
            foreach (var store in new IQosStore[] { new SqliteQosStore(_directory.File("parity.db")), new PostgresQosStore(database) })
            {
                await using (store)
                {
                    var past = StoreFixture.Instance("parity-past==");
                    var live = StoreFixture.Instance("parity-live==", webinarId: 81234567891, live: true);
                    await StoreFixture.SeededAsync(store, past, live);
                    await store.MergeParticipantsAsync(past.Uuid, StoreFixture.Async(StoreFixture.Simulated(past).Participants()));
                    var simulatedLive = StoreFixture.Simulated(live, attendees: 12, minutes: 10, seed: 3);
                    await store.MergeParticipantsAsync(live.Uuid, StoreFixture.Async(simulatedLive.SnapshotAt(live.StartTime.AddMinutes(4))));
                    await store.MergeParticipantsAsync(live.Uuid, StoreFixture.Async(simulatedLive.SnapshotAt(live.StartTime.AddMinutes(8))));
                    digests.Add(await store.ComputeChecksumAsync());
                }
            }

            // No app here: a client secret is salted at random, so two stores never hold the same hash of it.
            Assert.Equal(digests[0], digests[1]);
        }
        finally
        {
            await cluster.DropDatabaseAsync(database);
        }
    }

    public void Dispose() => _directory.Dispose();
}
