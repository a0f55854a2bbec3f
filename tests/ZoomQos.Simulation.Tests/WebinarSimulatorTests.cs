using System.Security.Cryptography;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Simulation.Tests;

public class WebinarSimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedWebinar Faulted = WebinarSimulator.Simulate(new WebinarSpec(
        new WebinarInstance("sim==", 81234567890, "demo", "All-hands", "Grace", "g@example.com", Start, Start.AddMinutes(90)),
        Panelists: 3,
        AttendeeSessions: 300,
        DurationMinutes: 90,
        Seed: 11,
        PlantFaults: true));

    private static readonly List<ParticipantQos> Sessions = Faulted.Participants().ToList();

    [Fact]
    public void The_same_spec_gives_byte_identical_output_and_another_seed_does_not()
    {
        static string Hash(WebinarSpec spec)
        {
            using var buffer = new MemoryStream();
            WebinarSimulator.Simulate(spec).WriteNdjson(buffer);
            return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
        }

        var spec = Faulted.Spec;

        Assert.Equal(Hash(spec), Hash(spec));
        Assert.NotEqual(Hash(spec), Hash(spec with { Seed = 12 }));
    }

    [Fact]
    public void It_has_exactly_the_sessions_asked_for_with_late_joiners_early_leavers_and_rejoins()
    {
        Assert.Equal(303, Sessions.Count);
        Assert.Equal(303, Faulted.SessionCount);
        Assert.Contains(Sessions, p => p.JoinTime.Value > Start.AddMinutes(10));
        Assert.Contains(Sessions, p => p.LeaveTime.Value < Start.AddMinutes(60));
        var rejoiners = Sessions.Where(p => p.UserName != "").GroupBy(p => (p.UserName, p.Email)).Count(g => g.Count() > 1);
        Assert.True(rejoiners >= 3, $"{rejoiners} people rejoined");
        Assert.Equal(Sessions.Count, Sessions.Select(p => p.UserId).Distinct().Count());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_webinar_of_a_few_minutes_has_every_session_inside_it_with_at_least_one_minute(int minutes)
    {
        var webinar = WebinarSimulator.Simulate(new WebinarSpec(
            new WebinarInstance("short==", 81234567890, "demo", "Stand-up", "Grace", "g@example.com", Start, Start.AddMinutes(minutes)),
            Panelists: 1,
            AttendeeSessions: 200,
            DurationMinutes: minutes,
            Seed: 1,
            PlantFaults: false));

        var sessions = webinar.Participants().ToList();

        Assert.Equal(201, sessions.Count);
        Assert.All(sessions, p => Assert.InRange(p.UserQos!.Count, 1, minutes));
        Assert.All(sessions, p => Assert.True(p.JoinTime.Value >= Start && p.LeaveTime.Value <= Start.AddMinutes(minutes), $"{p.UserId}: {p.JoinTime.Value} to {p.LeaveTime.Value}"));
    }

    [Fact]
    public void Devices_networks_places_and_clients_are_mixed()
    {
        Assert.True(Sessions.Select(p => p.Device.Raw).Distinct().Count() >= 5);
        Assert.True(Sessions.Select(p => p.NetworkType.Raw).Distinct().Count() >= 4);
        Assert.True(Sessions.Select(p => p.Location).Distinct().Count() >= 8);
        Assert.True(Sessions.Select(p => p.DataCenter).Distinct().Count() >= 5);
        Assert.True(Sessions.Select(p => p.Version).Distinct().Count() >= 4);
        Assert.Contains(Sessions, p => p.UserName == "" && p.Location == "" && p.IpAddress == "");
    }

    [Fact]
    public void Values_are_written_as_zoom_writes_them_and_all_of_them_parse()
    {
        var samples = Sessions.SelectMany(p => p.UserQos!).ToList();
        var bitrates = samples.SelectMany(s => new[] { s.AudioOutput?.Bitrate, s.VideoOutput?.Bitrate }).Where(b => b is not null).Select(b => b!.Value.Raw!).ToList();

        Assert.Contains(bitrates, b => b.Contains('.', StringComparison.Ordinal) && b.EndsWith(" kbps", StringComparison.Ordinal));
        Assert.Contains(bitrates, b => b.Contains('.', StringComparison.Ordinal) && b.EndsWith("kbps", StringComparison.Ordinal) && !b.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(samples, s => s.AsOutput?.Resolution.Raw == "0*0" && s.AsOutput.FrameRate.Raw == "");
        Assert.Contains(samples, s => s.AudioInput?.Latency.Raw == "");
        Assert.All(samples, s => Assert.Equal(0, s.DateTime.Value!.Value.Second));
        Assert.DoesNotContain(samples, s => new[] { s.AudioInput, s.AudioOutput }.Any(a => a is not null && (a.Bitrate.State == QosValueState.Unparseable || a.Latency.State == QosValueState.Unparseable || a.AvgLoss.State == QosValueState.Unparseable)));
    }

    [Fact]
    public void Attendees_send_nothing_and_panelists_send_media()
    {
        var panelists = Faulted.PanelistUserIds.ToHashSet();

        Assert.Equal(3, panelists.Count);
        foreach (var participant in Sessions)
        {
            var sending = participant.UserQos!.Any(s => s.AudioInput?.Bitrate.BitsPerSecond > 0 || s.VideoInput?.Bitrate.BitsPerSecond > 0);
            Assert.Equal(panelists.Contains(participant.UserId!), sending);
        }
    }

    [Fact]
    public void Samples_cover_each_session_from_the_minute_after_its_join_to_its_leave()
    {
        foreach (var participant in Sessions)
        {
            var minutes = participant.UserQos!.Select(s => s.DateTime.Value!.Value).ToList();
            Assert.NotEmpty(minutes);
            Assert.True(minutes[0] > participant.JoinTime.Value);
            Assert.True(minutes[^1] <= participant.LeaveTime.Value);
            Assert.Equal(minutes.Count, minutes.Distinct().Count());
        }
    }

    [Fact]
    public void A_live_snapshot_shows_only_what_has_happened_by_then()
    {
        var now = Start.AddMinutes(25).AddSeconds(30);

        var snapshot = Faulted.SnapshotAt(now).ToList();

        Assert.All(snapshot, p => Assert.True(p.JoinTime.Value <= now));
        Assert.All(snapshot.SelectMany(p => p.UserQos!), s => Assert.True(s.DateTime.Value <= now));
        Assert.Contains(snapshot, p => p.LeaveTime.State == QosValueState.Idle);
        Assert.True(snapshot.Count < Sessions.Count);
    }
}
