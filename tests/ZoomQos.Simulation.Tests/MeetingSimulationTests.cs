using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Simulation.Tests;

/// <summary>The demo's meetings: everyone sends, the sharer's uplink fails for six minutes while they share, with its ground truth.</summary>
public sealed class MeetingSimulationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 30, TimeSpan.Zero);
    private static readonly DemoDataSet Demo = DemoDataSet.Create(Now);

    [Fact]
    public void The_weekly_sync_has_three_past_instances_the_latest_ended_yesterday_with_30_participants_for_60_minutes()
    {
        var instances = Demo.InstancesOf(DemoDataSet.WeeklySyncMeetingId);
        var latest = Demo.WeeklySync;
        var live = Demo.LiveMeeting;

        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.Equal(QosEventKind.Meeting, i.Instance.Kind));
        Assert.Equal(Now.UtcDateTime.Date.AddDays(-1), latest.Instance.EndTime!.Value.UtcDateTime.Date);
        Assert.Equal(TimeSpan.FromMinutes(60), latest.Instance.EndTime - latest.Instance.StartTime);
        Assert.Equal(30, latest.Participants().Count());
        Assert.True(live.Instance.IsLive && live.Instance.IsMeeting);
        Assert.Equal(12, live.Participants().Count());
        Assert.Empty(live.Faults);
    }

    [Fact]
    public void Everyone_sends_audio_and_the_sharers_uplink_fails_for_six_minutes_while_they_share()
    {
        var latest = Demo.WeeklySync;
        var fault = Assert.Single(latest.Faults);
        var participants = latest.Participants().ToList();
        var sharer = participants.Single(p => p.UserId == fault.CauseUserId);
        var during = sharer.UserQos!.Where(s => s.DateTime.Value >= fault.From && s.DateTime.Value <= fault.To).ToList();
        var victim = participants.Single(p => p.UserId == fault.AffectedUserIds[0]);
        var victimDuring = victim.UserQos!.Where(s => s.DateTime.Value >= fault.From && s.DateTime.Value <= fault.To).ToList();

        Assert.Equal(FaultKind.SenderUplink, fault.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), fault.To - fault.From); // six minutes, both ends included
        Assert.True(sharer.ShareDesktop);
        Assert.True(fault.AffectedUserIds.Count >= 15, $"{fault.AffectedUserIds.Count} victims");
        Assert.DoesNotContain(fault.CauseUserId, fault.AffectedUserIds);
        Assert.All(participants, p => Assert.Contains(p.UserQos!, s => s.AudioInput?.Bitrate.BitsPerSecond > 0));
        Assert.Equal(6, during.Count);
        Assert.All(during, s => Assert.True(s.AudioInput!.AvgLoss.Value >= 6 && s.AsInput!.Bitrate.BitsPerSecond > 0, $"{s.AudioInput.AvgLoss.Raw} {s.AsInput?.Bitrate.Raw}"));
        Assert.All(victimDuring, s => Assert.True(s.AudioOutput!.AvgLoss.Value >= 5, s.AudioOutput.AvgLoss.Raw));
        Assert.All(participants, p => Assert.NotNull(p.TotalJointimeCost));
    }
}
