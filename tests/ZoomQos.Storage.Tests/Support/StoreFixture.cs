using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;

namespace ZoomQos.Storage.Tests.Support;

/// <summary>Shared data for the store suite: accounts, instances and simulated sessions.</summary>
internal static class StoreFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static readonly Account Demo = new("acct-a", AccountPlan.Business, true, false);

    public static readonly Account Other = new("acct-b", AccountPlan.Pro, false, true);

    public static WebinarInstance Instance(string uuid, long webinarId = 81234567890, string account = "acct-a", DateTimeOffset? start = null, int? minutes = 90, bool live = false)
    {
        var begin = start ?? Start;
        return new WebinarInstance(uuid, webinarId, account, "Quarterly all-hands", "Grace Hopper", "grace@example.com", begin, live ? null : begin.AddMinutes(minutes ?? 90));
    }

    public static SimulatedWebinar Simulated(WebinarInstance instance, int attendees = 30, int minutes = 20, int seed = 7) =>
        WebinarSimulator.Simulate(new WebinarSpec(instance, 2, attendees, minutes, seed));

    public static async Task<IQosStore> SeededAsync(IQosStore store, params WebinarInstance[] instances)
    {
        await store.InitializeAsync();
        await store.UpsertAccountAsync(Demo);
        await store.UpsertAccountAsync(Other);
        foreach (var instance in instances)
        {
            await store.UpsertInstanceAsync(instance);
        }

        return store;
    }

    public static async Task<List<StoredParticipant>> ReadAllAsync(IQosStore store, string uuid, int pageSize = 10)
    {
        var all = new List<StoredParticipant>();
        ParticipantCursor? cursor = null;
        do
        {
            var page = await store.ReadParticipantsAsync(uuid, cursor, pageSize);
            all.AddRange(page.Participants);
            cursor = page.Next;
        }
        while (cursor is not null);

        return all;
    }

    public static IAsyncEnumerable<ParticipantQos> Async(IEnumerable<ParticipantQos> participants) => participants.ToAsyncEnumerable();
}
