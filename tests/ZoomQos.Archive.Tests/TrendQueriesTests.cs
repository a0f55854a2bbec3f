using ZoomQos.Analysis;
using ZoomQos.Archive.Summaries;
using ZoomQos.Archive.Trends;
using ZoomQos.Simulation;

namespace ZoomQos.Archive.Tests;

/// <summary>Trends and history from the stored summaries of the demo data set.</summary>
public sealed class TrendQueriesTests(DemoArchive archive) : IClassFixture<DemoArchive>
{
    private static readonly DateTimeOffset Ever = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task The_all_hands_trend_lists_its_three_instances_in_date_order_with_each_verdict()
    {
        var instances = archive.Demo.InstancesOf(DemoDataSet.AllHandsWebinarId);

        var trend = await TrendQueries.WebinarAsync(archive.Store, DemoDataSet.AccountId, DemoDataSet.AllHandsWebinarId, Ever, DemoArchive.Now.AddDays(1));

        Assert.Equal(instances.Select(i => i.Instance.Uuid), trend.Instances.Select(i => i.Uuid));
        Assert.Equal("Quarterly all-hands", trend.Topic);
        Assert.Equal(instances.Select(i => i.SessionCount), trend.Instances.Select(i => i.Participants));
        Assert.Equal(1003, trend.Instances[^1].Participants);
        var latest = InstanceSummaries.Read((await archive.Store.GetSummaryAsync(DemoDataSet.AccountId, instances[^1].Instance.Uuid))!);
        Assert.Equal((latest.Counts.Verdict, latest.Counts.PoorShare), (trend.Instances[^1].Verdict, trend.Instances[^1].PoorShare));
        Assert.StartsWith(latest.TopCauses[0].Title, trend.Instances[^1].TopCauses[0], StringComparison.Ordinal);
        Assert.Empty((await TrendQueries.WebinarAsync(archive.Store, DemoDataSet.HipaaAccountId, DemoDataSet.AllHandsWebinarId, Ever, DemoArchive.Now)).Instances);
    }

    [Fact]
    public async Task The_account_trend_sums_the_breakdowns_of_its_range_and_compares_each_group_with_the_range_before()
    {
        var allHands = archive.Demo.InstancesOf(DemoDataSet.AllHandsWebinarId);
        var from = allHands[1].Instance.StartTime.AddDays(-1); // the previous range of the same length holds the oldest all-hands
        var to = DemoArchive.Now.AddDays(1);
        var summaries = (await archive.Store.ListSummariesAsync(DemoDataSet.AccountId, from, to)).Select(InstanceSummaries.Read).ToList();
        var before = (await archive.Store.ListSummariesAsync(DemoDataSet.AccountId, from - (to - from), from)).Select(InstanceSummaries.Read).ToList();

        var trend = await TrendQueries.AccountAsync(archive.Store, DemoDataSet.AccountId, from, to);

        Assert.Equal(summaries.Select(s => s.Uuid), trend.Instances.Select(i => i.Uuid));
        Assert.Contains(allHands[0].Instance.Uuid, before.Select(s => s.Uuid));
        foreach (var dimension in Enum.GetValues<Dimension>())
        {
            foreach (var group in trend.Breakdowns[dimension])
            {
                var rows = summaries.SelectMany(s => s.Breakdowns[dimension]).Where(r => r.Value == group.Value).ToList();
                var previous = before.SelectMany(s => s.Breakdowns[dimension]).Where(r => r.Value == group.Value).ToList();
                Assert.Equal(rows.Sum(r => r.Participants), group.Participants);
                Assert.Equal(rows.Sum(r => r.Poor), group.Poor);
                Assert.Equal(BreakdownRow.Share(rows.Sum(r => r.Poor), rows.Sum(r => r.Participants - r.Insufficient)), group.PoorShare, 12);
                Assert.Equal(previous.Count == 0 ? null : BreakdownRow.Share(previous.Sum(r => r.Poor), previous.Sum(r => r.Participants - r.Insufficient)), group.PreviousPoorShare);
            }
        }

        Assert.Contains(trend.Breakdowns[Dimension.NetworkType], g => g.Change is not null);
    }

    [Fact]
    public async Task A_participants_history_has_their_session_with_its_verdict_and_nothing_of_another_account()
    {
        var allHands = archive.Demo.AllHands;
        var outcomes = await archive.Store.ReadSessionOutcomesAsync(allHands.Instance.Uuid);
        var poor = outcomes.First(o => o.Verdict == "poor" && o.Email.Length > 0 && o.CauseKind is not null);

        var history = await TrendQueries.ParticipantAsync(archive.Store, DemoDataSet.AccountId, poor.Email.ToUpperInvariant(), Ever, DemoArchive.Now.AddDays(1));
        var elsewhere = await TrendQueries.ParticipantAsync(archive.Store, DemoDataSet.HipaaAccountId, poor.Email, Ever, DemoArchive.Now.AddDays(1));

        var session = Assert.Single(history.Sessions, s => s.Uuid == allHands.Instance.Uuid);
        Assert.Equal((poor.UserId, ParticipantVerdict.Poor, poor.MosP10, poor.Cause), (session.UserId, session.Verdict, session.MosP10, session.Cause));
        Assert.Equal(allHands.Instance.Topic, session.Topic);
        Assert.Empty(elsewhere.Sessions);
    }
}
