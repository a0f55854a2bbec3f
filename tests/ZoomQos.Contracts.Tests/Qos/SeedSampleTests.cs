using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Qos;

/// <summary>The 200 example of the seed document, copied from shared/fixtures/seed-sample-200.json.</summary>
public class SeedSampleTests
{
    private static readonly ParticipantQosPage Page =
        JsonSerializer.Deserialize(Fixtures.Bytes("seed-sample-200.json"), ZoomJsonContext.Default.ParticipantQosPage)!;

    [Fact]
    public void The_placeholder_envelope_numbers_read_as_unknown_instead_of_failing()
    {
        Assert.Null(Page.PageCount);
        Assert.Null(Page.PageSize);
        Assert.Null(Page.TotalRecords);
        Assert.Equal("string", Page.NextPageToken);
        Assert.Single(Page.Participants!);
    }

    [Fact]
    public void Every_field_of_the_participant_is_read()
    {
        var p = Page.Participants![0];

        Assert.Equal("1670000000", p.UserId);
        Assert.Equal("User", p.UserName);
        Assert.Equal("Android", p.Device.Raw);
        Assert.True(p.Device.IsKnown);
        Assert.Equal("192.0.2.0", p.IpAddress);
        Assert.Equal("San Jose (US)", p.Location);
        Assert.Equal(new DateTimeOffset(2021, 6, 24, 20, 0, 0, TimeSpan.Zero), p.JoinTime.Value);
        Assert.Equal(new DateTimeOffset(2021, 6, 24, 20, 0, 0, TimeSpan.Zero), p.LeaveTime.Value);
        Assert.Equal("User's Phone", p.PcName);
        Assert.Equal("user-android", p.Domain);
        Assert.Equal("", p.MacAddr);
        Assert.Equal("", p.HarddiskId);
        Assert.Equal("4.4.55383.0726", p.Version);
        Assert.Null(p.ExtensionData);
        Assert.Single(p.UserQos!);
    }

    [Fact]
    public void Every_value_of_the_sample_is_parsed()
    {
        var s = Page.Participants![0].UserQos![0];

        Assert.Equal(new DateTimeOffset(2021, 6, 24, 20, 0, 0, TimeSpan.Zero), s.DateTime.Value);
        AssertAudio(s.AudioInput!, 23_000, 126, 6, 0.3, 1.9);
        AssertAudio(s.AudioOutput!, 63_000, 134, 6, 0.0, 0.0);
        AssertVideo(s.VideoInput!, 1_055_000, 129, 11, 0.0, 4.9, 1280, 720, 12);
        AssertVideo(s.VideoOutput!, 673_000, 135, 11, 0.0, 0.0, 640, 360, 22);

        foreach (var share in new[] { s.AsInput!, s.AsOutput! })
        {
            Assert.Equal(70_000, share.Bitrate.BitsPerSecond);
            Assert.Equal(135, share.Latency.Value);
            Assert.Equal(8, share.Jitter.Value);
            Assert.Equal(0.0, share.AvgLoss.Value);
            Assert.Equal(0.0, share.MaxLoss.Value);
            Assert.Equal(QosValueState.Idle, share.Resolution.State);
            Assert.Equal("0*0", share.Resolution.Raw);
            Assert.Equal(QosValueState.Idle, share.FrameRate.State);
            Assert.Equal("", share.FrameRate.Raw);
        }

        Assert.Equal(8, s.CpuUsage!.ZoomMinCpuUsage.Value);
        Assert.Equal(12, s.CpuUsage.ZoomAvgCpuUsage.Value);
        Assert.Equal(18, s.CpuUsage.ZoomMaxCpuUsage.Value);
        Assert.Equal(40, s.CpuUsage.SystemMaxCpuUsage.Value);
        Assert.Null(s.CpuPressureLevel);
        Assert.Null(s.WifiRssi);
        Assert.Null(s.AudioDeviceFromCrc);
        Assert.Null(s.VideoDeviceToRwg);
    }

    [Fact]
    public void The_participant_array_serializes_back_json_equal_to_the_input()
    {
        var input = Fixtures.Node("seed-sample-200.json")["participants"];

        JsonAssert.Equal(input, JsonSerializer.Serialize(Page.Participants!, ZoomJsonContext.Default.IReadOnlyListParticipantQos));
    }

    private static void AssertAudio(AudioQos a, double bps, double latency, double jitter, double avgLoss, double maxLoss)
    {
        Assert.Equal(bps, a.Bitrate.BitsPerSecond);
        Assert.Equal(latency, a.Latency.Value);
        Assert.Equal(jitter, a.Jitter.Value);
        Assert.Equal(avgLoss, a.AvgLoss.Value);
        Assert.Equal(maxLoss, a.MaxLoss.Value);
    }

    private static void AssertVideo(VideoQos v, double bps, double latency, double jitter, double avgLoss, double maxLoss, int width, int height, double fps)
    {
        Assert.Equal(bps, v.Bitrate.BitsPerSecond);
        Assert.Equal(latency, v.Latency.Value);
        Assert.Equal(jitter, v.Jitter.Value);
        Assert.Equal(avgLoss, v.AvgLoss.Value);
        Assert.Equal(maxLoss, v.MaxLoss.Value);
        Assert.Equal(width, v.Resolution.Width);
        Assert.Equal(height, v.Resolution.Height);
        Assert.Equal(fps, v.FrameRate.Value);
    }
}
