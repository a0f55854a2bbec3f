using System.Text;
using ZoomQos.Storage.Summaries;
using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>Stored analysis summaries and session results, on every store.</summary>
public abstract partial class QosStoreContractTests
{
    [SkippableFact]
    public async Task A_summary_replaces_the_earlier_one_and_lists_by_start_within_one_account_and_webinar()
    {
        var first = Instance("sum-1==", start: Start);
        var second = Instance("sum-2==", start: Start.AddDays(91));
        var otherWebinar = Instance("sum-3==", webinarId: 81234567899, start: Start.AddDays(10));
        var otherAccount = Instance("sum-4==", webinarId: 82234567890, account: Other.Id, start: Start.AddDays(5));
        await SeededAsync(Store, second, first, otherWebinar, otherAccount);
        var at = Start.AddDays(100);
        foreach (var instance in new[] { second, first, otherWebinar, otherAccount })
        {
            await Store.SaveSummaryAsync(instance.Uuid, Encoding.UTF8.GetBytes($"{{\"v\":\"{instance.Uuid}\"}}"), [], at);
        }

        await Store.SaveSummaryAsync(first.Uuid, "{\"v\":\"again\"}"u8.ToArray(), [], at.AddHours(1));

        var all = await Store.ListSummariesAsync(Demo.Id, Start.AddDays(-1), Start.AddDays(200));
        var webinar = await Store.ListSummariesAsync(Demo.Id, Start.AddDays(-1), Start.AddDays(200), 81234567890);
        var early = await Store.ListSummariesAsync(Demo.Id, Start, Start.AddDays(91));

        Assert.Equal(["sum-1==", "sum-3==", "sum-2=="], all.Select(s => s.Instance.Uuid));
        Assert.Equal(["sum-1==", "sum-2=="], webinar.Select(s => s.Instance.Uuid));
        Assert.Equal(["sum-1==", "sum-3=="], early.Select(s => s.Instance.Uuid));
        Assert.Equal("{\"v\":\"again\"}", Encoding.UTF8.GetString(all[0].Json.Span));
        Assert.Equal(at.AddHours(1), all[0].ComputedAt);
        Assert.Equal(first, all[0].Instance);
        Assert.Null(await Store.GetSummaryAsync(Demo.Id, otherAccount.Uuid));
        Assert.NotNull(await Store.GetSummaryAsync(Other.Id, otherAccount.Uuid));
        await Assert.ThrowsAsync<QosStoreNotFoundException>(() => Store.SaveSummaryAsync("no-such==", "{}"u8.ToArray(), [], at));
    }

    [SkippableFact]
    public async Task Session_results_are_found_by_person_across_instances_of_one_account_and_replaced_with_their_summary()
    {
        var first = Instance("out-1==", start: Start);
        var second = Instance("out-2==", start: Start.AddDays(7));
        var foreign = Instance("out-3==", webinarId: 82234567890, account: Other.Id, start: Start.AddDays(3));
        await SeededAsync(Store, first, second, foreign);
        SessionOutcome Ada(string user, string verdict) => new(user, "ada@example.com", "Ada Lovelace", "Ada@Example.com", verdict, 3.2, "weak_wifi", "weak Wi-Fi");
        await Store.SaveSummaryAsync(first.Uuid, "{}"u8.ToArray(), [Ada("u1", "poor"), new("u2", "nameless guest", "Nameless Guest", string.Empty, "good", null, null, null)], Start);
        await Store.SaveSummaryAsync(second.Uuid, "{}"u8.ToArray(), [Ada("u9", "fair"), new("u8", "nameless guest", "nameless guest", " ", "poor", 2.9, "high_cpu", "high CPU")], Start);
        await Store.SaveSummaryAsync(foreign.Uuid, "{}"u8.ToArray(), [Ada("u5", "poor")], Start);

        var ada = await Store.FindSessionOutcomesAsync(Demo.Id, "ada@example.com", Start.AddDays(-1), Start.AddDays(30));
        var guest = await Store.FindSessionOutcomesAsync(Demo.Id, "nameless guest", Start.AddDays(-1), Start.AddDays(30));
        var later = await Store.FindSessionOutcomesAsync(Demo.Id, "ada@example.com", Start.AddDays(1), Start.AddDays(30));

        Assert.Equal([("out-1==", "u1", "poor"), ("out-2==", "u9", "fair")], ada.Select(h => (h.Instance.Uuid, h.Outcome.UserId, h.Outcome.Verdict)));
        Assert.Equal(Ada("u1", "poor"), ada[0].Outcome);
        Assert.Equal(["u2", "u8"], guest.Select(h => h.Outcome.UserId));
        Assert.Equal(["u9"], later.Select(h => h.Outcome.UserId));
        Assert.Equal(["u1", "u2"], (await Store.ReadSessionOutcomesAsync(first.Uuid)).Select(o => o.UserId));

        await Store.SaveSummaryAsync(first.Uuid, "{}"u8.ToArray(), [Ada("u1", "good")], Start);
        Assert.Equal([Ada("u1", "good")], await Store.ReadSessionOutcomesAsync(first.Uuid));
    }

    [SkippableFact]
    public async Task People_are_found_by_part_of_their_email_or_name_within_one_account_most_instances_first()
    {
        var first = Instance("ppl-1==", start: Start);
        var second = Instance("ppl-2==", webinarId: 81234567899, start: Start.AddDays(7));
        var foreign = Instance("ppl-3==", webinarId: 82234567890, account: Other.Id, start: Start.AddDays(3));
        await SeededAsync(Store, first, second, foreign);
        SessionOutcome Of(string user, string person, string name, string email) => new(user, person, name, email, "good", 4.1, null, null);
        await Store.SaveSummaryAsync(first.Uuid, "{}"u8.ToArray(), [Of("u1", "ada@example.com", "Ada Lovelace", "ada@example.com"), Of("u2", "ada@example.com", "Ada Lovelace", "ada@example.com"), Of("u3", "alan_t@example.com", "Alan Turing", "alan_t@example.com"), Of("u4", "", "", "")], Start);
        await Store.SaveSummaryAsync(second.Uuid, "{}"u8.ToArray(), [Of("u5", "ada@example.com", "Ada Lovelace", "ada@example.com"), Of("u6", "50% guest", "50% Guest", "")], Start);
        await Store.SaveSummaryAsync(foreign.Uuid, "{}"u8.ToArray(), [Of("u7", "adam@example.com", "Adam Other", "adam@example.com")], Start);

        var ada = await Store.SearchPeopleAsync(Demo.Id, "ADA", 10);
        var everyone = await Store.SearchPeopleAsync(Demo.Id, "example", 10);

        Assert.Equal([new PersonMatch("ada@example.com", "Ada Lovelace", "ada@example.com", 3, 2, 2, Start.AddDays(7))], ada);
        Assert.Equal(["ada@example.com", "alan_t@example.com"], everyone.Select(p => p.Person));
        Assert.Equal(["alan_t@example.com"], (await Store.SearchPeopleAsync(Demo.Id, "turing", 10)).Select(p => p.Person));
        Assert.Equal(["alan_t@example.com"], (await Store.SearchPeopleAsync(Demo.Id, "n_t", 10)).Select(p => p.Person));
        Assert.Equal(["50% guest"], (await Store.SearchPeopleAsync(Demo.Id, "0%", 10)).Select(p => p.Person));
        Assert.Empty(await Store.SearchPeopleAsync(Demo.Id, "n%t", 10));
        Assert.Single(await Store.SearchPeopleAsync(Demo.Id, "example", 1));
        Assert.Empty(await Store.SearchPeopleAsync(Demo.Id, "other", 10));
    }

    [SkippableFact]
    public async Task Ended_instances_without_a_summary_are_listed_latest_first_and_live_ones_never()
    {
        var summarised = Instance("uns-1==", start: Start);
        var older = Instance("uns-2==", start: Start.AddDays(1));
        var newer = Instance("uns-3==", start: Start.AddDays(2));
        var live = Instance("uns-4==", start: Start.AddDays(3), live: true);
        var foreign = Instance("uns-5==", webinarId: 82234567890, account: Other.Id, start: Start.AddDays(2));
        await SeededAsync(Store, summarised, older, newer, live, foreign);
        await Store.SaveSummaryAsync(summarised.Uuid, "{}"u8.ToArray(), [], Start);

        Assert.Equal(["uns-3==", "uns-2=="], (await Store.ListUnsummarizedAsync(Demo.Id, Start.AddDays(-1), Start.AddDays(30), 10)).Select(i => i.Uuid));
        Assert.Equal(["uns-3=="], (await Store.ListUnsummarizedAsync(Demo.Id, Start.AddDays(-1), Start.AddDays(30), 1)).Select(i => i.Uuid));
        Assert.Equal(["uns-2=="], (await Store.ListUnsummarizedAsync(Demo.Id, Start.AddDays(1), Start.AddDays(2), 10)).Select(i => i.Uuid));
    }
}
