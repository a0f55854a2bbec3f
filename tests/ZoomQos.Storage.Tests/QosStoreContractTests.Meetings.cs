using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>Meetings' instances beside the webinars', on every store: one number space, a kind per ID, lists by kind.</summary>
public abstract partial class QosStoreContractTests
{
    [SkippableFact]
    public async Task A_meetings_instance_keeps_its_kind_lists_apart_and_its_id_cannot_become_a_webinars()
    {
        var meeting = Instance("meeting-1==", webinarId: 85234567890, start: Start.AddDays(-1)) with { Kind = QosEventKind.Meeting };
        var webinar = Instance("webinar-1==", webinarId: 81234567890, start: Start.AddDays(-2));
        await SeededAsync(Store, meeting, webinar);

        var resolved = await Store.ResolveInstanceAsync(Demo.Id, "85234567890", QosListType.Past);
        var meetings = await Store.ListInstancesAsync(Demo.Id, QosListType.Past, Start.AddDays(-5), Start.AddDays(1), null, 10, QosEventKind.Meeting);
        var webinars = await Store.ListInstancesAsync(Demo.Id, QosListType.Past, Start.AddDays(-5), Start.AddDays(1), null, 10, QosEventKind.Webinar);
        var both = await Store.ListInstancesAsync(Demo.Id, QosListType.Past, Start.AddDays(-5), Start.AddDays(1), null, 10);
        var checksum = await Store.ComputeChecksumAsync();

        Assert.Equal(meeting, resolved);
        Assert.True(resolved!.IsMeeting);
        Assert.Equal(["meeting-1=="], meetings.Instances.Select(i => i.Uuid));
        Assert.Equal(["webinar-1=="], webinars.Instances.Select(i => i.Uuid));
        Assert.Equal(["webinar-1==", "meeting-1=="], both.Instances.Select(i => i.Uuid));
        await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.UpsertInstanceAsync(Instance("webinar-2==", webinarId: 85234567890)));
        await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.UpsertInstanceAsync(Instance("meeting-2==", webinarId: 81234567890) with { Kind = QosEventKind.Meeting }));
        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
    }
}
