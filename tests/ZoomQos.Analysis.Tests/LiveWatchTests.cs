using ZoomQos.Analysis.Live;
using ZoomQos.Simulation;

namespace ZoomQos.Analysis.Tests;

/// <summary>
/// <c>watch</c>'s rules without a clock: the live demo webinar observed minute by minute (its presenter's uplink
/// fails at minute 40), exactly as the polls of a real watch see it.
/// </summary>
public sealed class LiveWatchTests
{
    private static readonly DemoDataSet Demo = DemoDataSet.Create(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Polling_the_live_webinar_each_minute_alerts_once_per_episode_and_names_the_panelist_uplink()
    {
        var alerts = Watch(pollEveryMinutes: 1);

        var webinar = alerts.Where(a => a.Alert.Kind == "webinar_poor").ToList();
        Assert.NotEmpty(webinar);
        var uplink = webinar.First(a => a.Alert.Cause?.Contains("uplink", StringComparison.Ordinal) == true);
        Assert.InRange(uplink.At - Demo.Live.Instance.StartTime, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(46));
        Assert.Contains(alerts, a => a.Alert.Kind == "participant_poor" && a.Alert.Cause?.Contains("uplink", StringComparison.Ordinal) == true);
        AssertCooledDown(alerts, TimeSpan.FromMinutes(10));
    }

    [Theory]
    [InlineData(3)]
    public void Polling_less_often_still_names_the_uplink_and_never_alerts_a_key_twice_within_the_cooldown(int pollEveryMinutes)
    {
        var alerts = Watch(pollEveryMinutes);

        Assert.Contains(alerts, a => a.Alert.Kind == "webinar_poor" && a.Alert.Cause?.Contains("uplink", StringComparison.Ordinal) == true);
        AssertCooledDown(alerts, TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void A_participant_still_poor_at_the_next_poll_is_not_alerted_again()
    {
        var watcher = new LiveWatch(5, TimeSpan.FromMinutes(10), Thresholds.Default);
        var at = Demo.Live.Instance.StartTime.AddMinutes(44);

        var first = watcher.Observe([.. Demo.Live.SnapshotAt(at)]);
        var again = watcher.Observe([.. Demo.Live.SnapshotAt(at)]);

        Assert.NotEmpty(first.Alerts);
        Assert.Empty(again.Alerts);
        Assert.Equal(first.Analysis.Poor, again.Analysis.Poor);
    }

    private static List<(DateTimeOffset At, LiveAlert Alert)> Watch(int pollEveryMinutes)
    {
        var watcher = new LiveWatch(5, TimeSpan.FromMinutes(10), Thresholds.Default);
        var start = Demo.Live.Instance.StartTime;
        var alerts = new List<(DateTimeOffset, LiveAlert)>();
        // From where the demo's live webinar stands at the reference time to 20 minutes after the uplink fails.
        for (var minute = DemoDataSet.LiveElapsedMinutes; minute <= 60; minute += pollEveryMinutes)
        {
            var poll = watcher.Observe([.. Demo.Live.SnapshotAt(start.AddMinutes(minute).AddSeconds(30))]);
            alerts.AddRange(poll.Alerts.Select(a => (poll.At, a)));
        }

        return alerts;
    }

    private static void AssertCooledDown(List<(DateTimeOffset At, LiveAlert Alert)> alerts, TimeSpan cooldown)
    {
        foreach (var key in alerts.GroupBy(a => a.Alert.Key))
        {
            var times = key.Select(a => a.At).Order().ToList();
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 1] >= cooldown, $"{key.Key} alerted at {times[i - 1]:HH:mm} and {times[i]:HH:mm}");
            }
        }
    }
}
