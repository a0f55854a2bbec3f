using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Simulation.Tests;

/// <summary>The ground truth lists every planted fault, and the samples show each one as the quality model describes it.</summary>
public class PlantedFaultTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedWebinar Webinar = WebinarSimulator.Simulate(new WebinarSpec(
        new WebinarInstance("faults==", 81234567890, "demo", "All-hands", "Grace", "g@example.com", Start, Start.AddMinutes(90)),
        3,
        1000,
        90,
        Seed: 5,
        PlantFaults: true));

    private static readonly Dictionary<string, ParticipantQos> ByUser = Webinar.Participants().ToDictionary(p => p.UserId!);

    [Fact]
    public void The_ground_truth_lists_every_kind_of_fault()
    {
        Assert.Equal(Enum.GetValues<FaultKind>().Where(k => k != FaultKind.SenderUplink).ToHashSet(), Webinar.Faults.Select(f => f.Kind).ToHashSet()); // SenderUplink is a meeting's (MeetingSimulationTests)
        Assert.All(Webinar.Faults, f => Assert.True(ByUser.ContainsKey(f.CauseUserId)));
        Assert.All(Webinar.Faults.SelectMany(f => f.AffectedUserIds), id => Assert.True(ByUser.ContainsKey(id)));
        Assert.All(Webinar.Faults, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public void A_panelists_uplink_episode_hits_many_attendees_in_the_same_minutes()
    {
        var fault = Single(FaultKind.PanelistUplink);

        Assert.Contains(fault.CauseUserId, Webinar.PanelistUserIds);
        Assert.All(During(ByUser[fault.CauseUserId], fault), s => Assert.True(s.AudioInput!.AvgLoss.Value >= 6));
        Assert.True(fault.AffectedUserIds.Count >= 500, $"{fault.AffectedUserIds.Count} victims");
        Assert.All(fault.AffectedUserIds, id => Assert.All(During(ByUser[id], fault), s => Assert.True(s.AudioOutput!.AvgLoss.Value >= 5)));
        var before = ByUser[fault.AffectedUserIds[0]].UserQos!.Where(s => s.DateTime.Value < fault.From.AddMinutes(-2));
        Assert.All(before, s => Assert.True(s.AudioOutput!.AvgLoss.Value < 2));
    }

    [Fact]
    public void Weak_wifi_shows_a_signal_below_minus_70_dbm_and_loss()
    {
        var fault = Single(FaultKind.WeakWifi);
        var samples = ByUser[fault.CauseUserId].UserQos!;

        Assert.All(samples, s => Assert.True(s.WifiRssi!.AvgRssi.Dbm < -70));
        Assert.All(samples, s => Assert.True(s.AudioOutput!.AvgLoss.Value >= 3));
    }

    [Fact]
    public void High_cpu_shows_cpu_above_90_low_loss_and_a_frame_rate_drop()
    {
        var fault = Single(FaultKind.HighCpu);
        var during = During(ByUser[fault.CauseUserId], fault);

        Assert.True(during.Count >= 5);
        Assert.All(during, s =>
        {
            Assert.True(s.CpuUsage!.SystemMaxCpuUsage.Value >= 90);
            Assert.True(s.VideoOutput!.FrameRate.Value < 7);
            Assert.Equal(180, s.VideoOutput.Resolution.Height);
            Assert.True(s.AudioOutput!.AvgLoss.Value < 1);
        });
    }

    [Fact]
    public void A_long_path_shows_high_steady_latency_with_low_jitter_and_loss()
    {
        var fault = Single(FaultKind.SteadyLatency);
        var participant = ByUser[fault.CauseUserId];
        var latencies = participant.UserQos!.Select(s => s.AudioOutput!.Latency.Value!.Value).ToList();

        Assert.Equal("Sydney (AU)", participant.Location);
        Assert.All(latencies, l => Assert.InRange(l, 390, 430));
        Assert.All(participant.UserQos!, s => Assert.True(s.AudioOutput!.Jitter.Value < 20 && s.AudioOutput.AvgLoss.Value < 1));
    }

    [Fact]
    public void Bursty_loss_spikes_max_loss_while_average_loss_stays_low()
    {
        var fault = Single(FaultKind.BurstyLoss);
        var spikes = During(ByUser[fault.CauseUserId], fault).Where(s => s.AudioOutput!.MaxLoss.Value >= 15).ToList();

        Assert.True(spikes.Count >= 3, $"{spikes.Count} spikes");
        Assert.All(spikes, s => Assert.True(s.AudioOutput!.AvgLoss.Value < 1 && s.AudioOutput.Jitter.Value >= 40));
    }

    [Fact]
    public void A_bandwidth_step_down_lowers_bitrate_and_resolution_with_low_loss()
    {
        var fault = Single(FaultKind.BandwidthStepDown);
        var samples = ByUser[fault.CauseUserId].UserQos!;
        var before = samples.Where(s => s.DateTime.Value < fault.From).Average(s => s.VideoOutput!.Bitrate.Kbps!.Value);
        var after = samples.Where(s => s.DateTime.Value > fault.To.AddMinutes(-10)).Average(s => s.VideoOutput!.Bitrate.Kbps!.Value);

        Assert.True(after < before / 3, $"{before} -> {after} kbps");
        Assert.All(During(ByUser[fault.CauseUserId], fault), s => Assert.True(s.VideoOutput!.AvgLoss.Value < 0.5));
        Assert.Equal(180, samples[^1].VideoOutput!.Resolution.Height);
    }

    [Fact]
    public void A_reconnection_is_two_sessions_of_one_person_with_a_gap()
    {
        var faults = Webinar.Faults.Where(f => f.Kind == FaultKind.Reconnection).ToList();

        Assert.Equal(3, faults.Count);
        foreach (var fault in faults)
        {
            var (first, second) = (ByUser[fault.AffectedUserIds[0]], ByUser[fault.AffectedUserIds[1]]);
            Assert.Equal(first.UserName, second.UserName);
            Assert.NotEqual(first.ParticipantUuid, second.ParticipantUuid);
            Assert.True(second.JoinTime.Value - first.LeaveTime.Value >= TimeSpan.FromMinutes(1));
            Assert.True(first.UserQos![^1].DateTime.Value <= fault.From);
            Assert.True(second.UserQos![0].DateTime.Value > fault.To);
        }
    }

    [Fact]
    public void One_attendees_downlink_fault_touches_nobody_else_in_those_minutes()
    {
        var fault = Single(FaultKind.AttendeeDownlink);

        Assert.All(During(ByUser[fault.CauseUserId], fault), s => Assert.True(s.AudioOutput!.AvgLoss.Value >= 5));
        var others = ByUser.Values.Where(p => p.UserId != fault.CauseUserId && Webinar.Faults.All(f => f.CauseUserId != p.UserId));
        var hurt = others.Count(p => During(p, fault).Any(s => s.AudioOutput?.AvgLoss.Value >= 5));
        Assert.Equal(0, hurt);
    }

    private static PlantedFault Single(FaultKind kind) => Assert.Single(Webinar.Faults, f => f.Kind == kind);

    private static List<QosSample> During(ParticipantQos participant, PlantedFault fault) =>
        [.. participant.UserQos!.Where(s => s.DateTime.Value >= fault.From && s.DateTime.Value <= fault.To)];
}
