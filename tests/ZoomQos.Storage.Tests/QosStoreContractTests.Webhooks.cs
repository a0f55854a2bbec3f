using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage.Webhooks;
using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>Instances first seen by a QSS event (webinar ID unknown), and the kept events, on every store.</summary>
public abstract partial class QosStoreContractTests
{
    [SkippableFact]
    public async Task An_instance_known_only_by_uuid_takes_its_webinar_id_once_and_every_account_can_have_such_instances()
    {
        var unknown = Instance("qss-1==", webinarId: WebinarInstance.UnknownWebinarId, live: true);
        var foreign = Instance("qss-2==", webinarId: WebinarInstance.UnknownWebinarId, account: Other.Id, live: true);
        await SeededAsync(Store, unknown, foreign);

        await Store.UpsertInstanceAsync(unknown with { WebinarId = 81234567801 });
        var joined = await Store.ResolveInstanceAsync(Demo.Id, "qss-1==", Contracts.Qos.QosListType.Live);

        Assert.Equal(81234567801, joined!.WebinarId);
        Assert.Equal("qss-1==", (await Store.ResolveInstanceAsync(Demo.Id, "81234567801", Contracts.Qos.QosListType.Live))!.Uuid);
        await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.UpsertInstanceAsync(unknown with { WebinarId = 81234567802 }));
        await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.UpsertInstanceAsync(unknown));
        Assert.True((await Store.ResolveInstanceAsync(Other.Id, "qss-2==", Contracts.Qos.QosListType.Live))!.WebinarIdUnknown);
    }

    [SkippableFact]
    public async Task An_event_is_kept_once_by_its_digest_and_read_back_by_instance_and_name()
    {
        await SeededAsync(Store);
        QssEvent Of(string digest, string name, long ts, string account = "acct-a") => new(digest, account, "qss-e==", name, ts, "u1", Start, new byte[] { 1, 2, (byte)ts });

        Assert.True(await Store.SaveQssEventAsync(Of("d2", "webinar.participant_qos", 2)));
        Assert.True(await Store.SaveQssEventAsync(Of("d1", "webinar.participant_qos", 1)));
        Assert.True(await Store.SaveQssEventAsync(Of("d3", "webinar.participant_qos_summary", 3)));
        Assert.True(await Store.SaveQssEventAsync(Of("d4", "webinar.participant_qos", 4, account: Other.Id)));
        var checksum = await Store.ComputeChecksumAsync();
        Assert.False(await Store.SaveQssEventAsync(Of("d1", "webinar.participant_qos", 1)));

        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
        Assert.Equal(["d1", "d2", "d3"], (await Store.ReadQssEventsAsync(Demo.Id, "qss-e==")).Select(e => e.Digest));
        Assert.Equal(["d3"], (await Store.ReadQssEventsAsync(Demo.Id, "qss-e==", "webinar.participant_qos_summary")).Select(e => e.Digest));
        Assert.Equal(new byte[] { 1, 2, 1 }, (await Store.ReadQssEventsAsync(Demo.Id, "qss-e=="))[0].Body.ToArray());
    }
}
