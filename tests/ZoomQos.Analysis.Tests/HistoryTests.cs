using ZoomQos.Analysis.History;

namespace ZoomQos.Analysis.Tests;

/// <summary>The rules of trends over hand-made summaries: what recurs, who is poor again and again, and person keys.</summary>
public class HistoryTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 5, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cause_recurs_when_the_same_person_causes_it_in_two_instances_and_anonymous_causes_never_recur()
    {
        SummaryCause Uplink(string name, string email) => new(CauseKind.PanelistUplink, "the panelist's uplink", "Unstable audio", "u", name, email, 40, Day, Day.AddMinutes(7));
        var summaries = new[]
        {
            Summary("a", 0, [Uplink("Frances Ritchie", "frances@example.com"), Uplink(string.Empty, string.Empty)]),
            Summary("b", 91, [Uplink("F. Ritchie", "FRANCES@example.com"), Uplink(PersonKey.UnknownName, string.Empty)]),
            Summary("c", 182, [Uplink("Grace Hopper", "grace@example.com")]),
        };

        var recurring = RecurringCause.In(summaries);

        var only = Assert.Single(recurring);
        Assert.Equal((CauseKind.PanelistUplink, "frances@example.com", "F. Ritchie"), (only.Kind, only.CausePerson, only.CauseName));
        Assert.Equal(["a", "b"], only.Instances);
    }

    [Fact]
    public void Someone_poor_in_three_instances_is_listed_with_their_causes_and_twice_is_not_enough()
    {
        PoorSession Ada(CauseKind? cause) => new("u", "Ada", "ada@example.com", cause);
        PoorSession Bob() => new("v", "Bob", string.Empty, null);
        var summaries = new[]
        {
            Summary("a", 0, [], [Ada(CauseKind.WeakWifi), Ada(CauseKind.WeakWifi), Bob()]),
            Summary("b", 7, [], [Ada(null), Bob()]),
            Summary("c", 14, [], [Ada(CauseKind.HighCpu)]),
        };

        var trend = AccountTrend.Of(summaries, []);

        var ada = Assert.Single(trend.RepeatPoor);
        Assert.Equal(("ada@example.com", 3), (ada.Person, ada.Instances.Count));
        Assert.Equal([CauseKind.WeakWifi, CauseKind.HighCpu], ada.Causes);
    }

    [Fact]
    public void A_groups_change_is_its_poor_share_against_the_previous_range_and_a_new_group_has_none()
    {
        var current = new[] { Summary("a", 0, [], breakdown: [new("Wifi", 10, 4, 0, 6, 0), new("Cellular", 5, 0, 0, 5, 0)]) };
        var previous = new[] { Summary("z", -30, [], breakdown: [new("Wifi", 20, 2, 0, 16, 2)]) };

        var groups = AccountTrend.Of(current, previous).Breakdowns[Dimension.NetworkType];

        var wifi = groups.Single(g => g.Value == "Wifi");
        Assert.Equal((0.4, 2.0 / 18), (wifi.PoorShare, wifi.PreviousPoorShare!.Value));
        Assert.Equal(0.4 - (2.0 / 18), wifi.Change!.Value, 12);
        Assert.Null(groups.Single(g => g.Value == "Cellular").Change);
        Assert.Equal("Wifi", groups[0].Value); // the worst first
    }

    [Theory]
    [InlineData("Ada Lovelace", " Ada@Example.com ", "ada@example.com")]
    [InlineData("Ada Lovelace", "", "ada lovelace")]
    [InlineData(PersonKey.UnknownName, "", "")]
    [InlineData("", " ", "")]
    public void A_person_is_their_email_or_their_name_where_it_is_blank(string name, string email, string key) =>
        Assert.Equal(key, PersonKey.Of(name, email));

    private static InstanceSummary Summary(string uuid, int day, SummaryCause[] causes, PoorSession[]? poor = null, BreakdownRow[]? breakdown = null) => new()
    {
        Uuid = uuid,
        WebinarId = 81234567890,
        Topic = "All-hands",
        StartTime = Day.AddDays(day),
        EndTime = Day.AddDays(day).AddHours(1),
        Counts = new VerdictCounts(WebinarVerdict.Healthy, 10, poor?.Length ?? 0, 0, 10 - (poor?.Length ?? 0), 0),
        TopCauses = causes,
        Breakdowns = Enum.GetValues<Dimension>().ToDictionary(d => d, d => (IReadOnlyList<BreakdownRow>)(d == Dimension.NetworkType ? breakdown ?? [] : [])),
        PoorSessions = poor ?? [],
    };
}
