using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>An instance's page state, on every store: its count, and a revision that every merge raises and nothing else does.</summary>
public abstract partial class QosStoreContractTests
{
    [SkippableFact]
    public async Task Every_merge_into_an_instance_raises_its_revision_and_reads_and_other_instances_merges_do_not()
    {
        var instance = Instance("revision-uuid==");
        var neighbour = Instance("revision-next==", start: Start.AddDays(1));
        await SeededAsync(Store, instance, neighbour);
        var participants = Simulated(instance).Participants().ToList();
        var empty = await Store.ReadPageStateAsync(instance.Uuid);

        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Take(2)));
        var merged = await Store.ReadPageStateAsync(instance.Uuid);
        await ReadAllAsync(Store, instance.Uuid);
        await Store.MergeParticipantsAsync(neighbour.Uuid, Async(Simulated(neighbour).Participants()));
        var readAndNeighbour = await Store.ReadPageStateAsync(instance.Uuid);
        var changed = participants[0] with { UserName = participants[0].UserName + " (renamed)" };
        await Store.MergeParticipantsAsync(instance.Uuid, Async([changed]));
        var sameCount = await Store.ReadPageStateAsync(instance.Uuid);
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Take(3)), new ArchiveCheckpoint(instance.Uuid, null, 3, 3, true, Start));
        var checkpointed = await Store.ReadPageStateAsync(instance.Uuid);
        await Store.ReplaceParticipantsAsync(instance.Uuid, Async(participants.Take(3)));
        var replaced = await Store.ReadPageStateAsync(instance.Uuid);

        Assert.Equal(0, empty.Participants);
        Assert.Equal(2, merged.Participants);
        Assert.True(merged.Revision > empty.Revision);
        Assert.Equal(merged, readAndNeighbour);
        Assert.Equal(2, sameCount.Participants);
        Assert.True(sameCount.Revision > merged.Revision);
        Assert.True(checkpointed.Revision > sameCount.Revision);
        Assert.Equal(3, replaced.Participants);
        Assert.True(replaced.Revision > checkpointed.Revision);
        Assert.Equal(new InstancePageState(0, 0), await Store.ReadPageStateAsync("no-such-uuid=="));
    }
}
