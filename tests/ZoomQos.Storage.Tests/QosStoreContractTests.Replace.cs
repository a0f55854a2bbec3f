using ZoomQos.Contracts.Qos;
using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>Replacing an instance's sessions, on every store: what it held goes with them, or nothing changes.</summary>
public abstract partial class QosStoreContractTests
{
    [SkippableFact]
    public async Task Replacing_an_instances_sessions_keeps_only_the_new_ones_and_nothing_derived_from_the_old()
    {
        var instance = Instance("replace-uuid==");
        var neighbour = Instance("replace-next==", start: Start.AddDays(1));
        await SeededAsync(Store, instance, neighbour);
        var participants = Simulated(instance).Participants().ToList();
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants), new ArchiveCheckpoint(instance.Uuid, null, participants.Count, participants.Count, true, Start));
        await Store.SaveSummaryAsync(instance.Uuid, "{}"u8.ToArray(), [], Start);
        await Store.MergeParticipantsAsync(neighbour.Uuid, Async(Simulated(neighbour).Participants()));
        var neighbourBefore = await ReadAllAsync(Store, neighbour.Uuid);

        // The same people an hour later: other minutes under the same user IDs.
        var moved = participants.Take(3).Select(p => p with { UserQos = [.. p.UserQos!.Select(s => s with { DateTime = Contracts.Values.ZoomTimestamp.FromDateTimeOffset(s.DateTime.Value!.Value.AddHours(1)) })] }).ToList();
        var result = await Store.ReplaceParticipantsAsync(instance.Uuid, Async(moved));

        var stored = await ReadAllAsync(Store, instance.Uuid);
        Assert.Equal(3, result.SessionsWritten);
        Assert.Equal(moved.Select(p => p.UserId), stored.Select(p => p.ToParticipant().UserId));
        Assert.Equal(moved.Select(p => p.UserQos!.Count), stored.Select(p => p.ToParticipant().UserQos!.Count));
        Assert.All(stored.SelectMany(p => p.ToParticipant().UserQos!), s => Assert.True(s.DateTime.Value >= Start.AddHours(1)));
        Assert.Null(await Store.GetCheckpointAsync(instance.Uuid));
        Assert.Null(await Store.GetSummaryAsync(instance.AccountId, instance.Uuid));
        Assert.Equal(neighbourBefore.Select(p => p.Json.ToArray()), (await ReadAllAsync(Store, neighbour.Uuid)).Select(p => p.Json.ToArray()));
    }

    [SkippableFact]
    public async Task A_replacement_that_fails_midway_keeps_what_the_instance_had()
    {
        var instance = Instance("replace-fail==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().ToList();
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants));
        var checksum = await Store.ComputeChecksumAsync();

        async IAsyncEnumerable<ParticipantQos> FailAfterTwo()
        {
            foreach (var p in participants.Take(2))
            {
                yield return p;
            }

            await Task.Yield();
            throw new IOException("the simulation broke");
        }

        await Assert.ThrowsAsync<IOException>(() => Store.ReplaceParticipantsAsync(instance.Uuid, FailAfterTwo()));
        await Assert.ThrowsAsync<QosStoreNotFoundException>(() => Store.ReplaceParticipantsAsync("no-such-uuid==", Async(participants.Take(1))));

        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
    }
}
