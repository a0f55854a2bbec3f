using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Qos;

/// <summary>The full-schema fixture: every field of contract section 4, odd values, unknown fields and enum values.</summary>
public class ParticipantQosPageTests
{
    private static ParticipantQosPage Read() =>
        JsonSerializer.Deserialize(Fixtures.Bytes("full-schema.json"), ZoomJsonContext.Default.ParticipantQosPage)!;

    [Fact]
    public void The_full_schema_page_round_trips_json_equal() =>
        JsonAssert.Equal(Fixtures.Node("full-schema.json"), JsonSerializer.Serialize(Read(), ZoomJsonContext.Default.ParticipantQosPage));

    [Fact]
    public void The_envelope_is_read()
    {
        var page = Read();

        Assert.Equal(3, page.PageCount);
        Assert.Equal(10, page.PageSize);
        Assert.Equal(21, page.TotalRecords);
        Assert.Equal("81234567890", page.WebinarNumber);
        Assert.Equal("abc-123", page.ExtensionData!["request_id"].GetString());
    }

    [Fact]
    public void Every_participant_field_is_read()
    {
        var p = Read().Participants![0];

        Assert.Equal("Kj3xB0qTQZa7l2m5n8o1pw", p.Id);
        Assert.Equal("16778240", p.UserId);
        Assert.Equal("A1B2C3D4-E5F6-4789-9ABC-DEF012345678", p.ParticipantUuid);
        Assert.Equal("Ada Lovelace", p.UserName);
        Assert.Equal("ada@example.com", p.Email);
        Assert.True(p.Device.Is("Windows"));
        Assert.Equal("Windows", p.Client);
        Assert.Equal("6.4.3.61286", p.Version);
        Assert.Equal("Windows", p.Os);
        Assert.Equal("11 Pro (Build 22631)", p.OsVersion);
        Assert.Equal("", p.BrowserName);
        Assert.Equal("", p.BrowserVersion);
        Assert.Equal("ADA-LAPTOP", p.DeviceName);
        Assert.Equal("192.0.2.10", p.IpAddress);
        Assert.Equal(["10.0.0.12", "fe80::1"], p.InternalIpAddresses!);
        Assert.Equal("London (GB)", p.Location);
        Assert.Equal("Germany (DE)", p.DataCenter);
        Assert.Equal("Germany (DE); Frankfurt (Zoom)", p.FullDataCenter);
        Assert.True(p.NetworkType.Is("Wifi"));
        Assert.True(p.ConnectionType.Is("UDP"));
        Assert.True(p.VideoConnectionType.Is("Reliable UDP"));
        Assert.True(p.AsConnectionType.Is("SSL+Proxy"));
        Assert.Equal("ADA-LAPTOP", p.PcName);
        Assert.Equal("corp.example.com", p.Domain);
        Assert.Equal("00-1A-2B-3C-4D-5E", p.MacAddr);
        Assert.Equal("WD-WX11A", p.HarddiskId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 3, 41, TimeSpan.Zero), p.JoinTime.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 31, 7, TimeSpan.Zero), p.LeaveTime.Value);
        Assert.False(p.ShareApplication);
        Assert.True(p.ShareDesktop);
        Assert.False(p.ShareWhiteboard);
        Assert.False(p.Recording);
        Assert.True(p.HasArchiving);
        Assert.True(p.OptionalArchiving.Is("join with archiving"));
        Assert.Equal("panelists", p.GroupId);
        Assert.True(p.Health.Is("Warning"));
        Assert.Equal(["Unstable audio", "High CPU usage"], p.IssueList!);
        Assert.Equal(2, p.UserQos!.Count);
        Assert.Equal("network_change", p.ExtensionData!["rc_reason"].GetString());
    }

    [Fact]
    public void Every_stream_of_the_full_sample_is_present_and_parsed()
    {
        var s = Read().Participants![0].UserQos![0];

        Assert.Equal(27_150, s.AudioInput!.Bitrate.BitsPerSecond);
        Assert.Equal("27.15kbps", s.AudioInput.Bitrate.Raw);
        Assert.Equal(0, s.AudioInput.Latency.Value);
        Assert.Equal("0ms", s.AudioInput.Latency.Raw);
        Assert.All(
            new[] { s.AudioOutput, s.AudioDeviceFromCrc, s.AudioDeviceToCrc, s.AudioDeviceToRwg },
            a => Assert.Equal(QosValueState.Parsed, a!.Latency.State));
        Assert.Equal(QosValueState.Idle, s.AudioDeviceFromRwg!.Bitrate.State);
        Assert.Equal(1_200_000, s.VideoInput!.Bitrate.BitsPerSecond);
        Assert.Equal(720, s.VideoInput.Resolution.Height);
        Assert.Equal(24, s.VideoDeviceToCrc!.FrameRate.Value);
        Assert.All(
            new[] { s.VideoDeviceFromRwg, s.VideoDeviceToRwg, s.AsOutput, s.AsDeviceFromCrc, s.AsDeviceToCrc, s.AsDeviceFromRwg, s.AsDeviceToRwg },
            v => Assert.Equal(QosValueState.Idle, v!.Resolution.State));
        Assert.Equal(1080, s.AsInput!.Resolution.Height);
        Assert.Equal(650_000, s.VideoDeviceFromCrc!.Bitrate.BitsPerSecond);
        Assert.Equal(40, s.CpuUsage!.SystemMaxCpuUsage.Value);
        Assert.True(s.CpuPressureLevel!.SystemMaxCpuPressureLevel.Is("serious"));
        Assert.True(s.CpuPressureLevel.SystemAvgCpuPressureLevel.IsKnown);
        Assert.Equal(-71, s.WifiRssi!.MinRssi.Dbm);
        Assert.Equal(-58, s.WifiRssi.AvgRssi.Dbm);
        Assert.Equal(-45, s.WifiRssi.MaxRssi.Dbm);
        Assert.Equal("dBm", s.WifiRssi.RssiUnit);
        Assert.Equal("0", s.ExtensionData!["audio_socket_break"].GetString());
        Assert.Equal(JsonValueKind.Object, s.ExtensionData["video_socket_break"].ValueKind);
    }

    [Fact]
    public void Unknown_enum_values_and_blanked_fields_are_kept()
    {
        var participants = Read().Participants!;
        var guest = participants[1];

        Assert.False(guest.NetworkType.IsKnown);
        Assert.Equal("5G", guest.NetworkType.Raw);
        Assert.Equal("Quest 3", guest.Device.Raw);
        Assert.Equal("QUIC", guest.ConnectionType.Raw);
        Assert.Equal("", guest.UserName);
        Assert.Equal(QosValueState.Idle, guest.LeaveTime.State);
        Assert.False(participants[0].UserQos![1].CpuPressureLevel!.SystemMaxCpuPressureLevel.IsKnown);
    }

    [Theory]
    [InlineData("""{"page_count":"integer [int64]","page_size":"integer","total_records":{"x":1}}""")]
    [InlineData("""{"page_count":1.5,"page_size":99999999999,"total_records":true}""")]
    [InlineData("""{"page_count":null,"page_size":null,"total_records":[1]}""")]
    public void A_non_integer_envelope_number_reads_as_unknown(string json)
    {
        var page = JsonSerializer.Deserialize(json, ZoomJsonContext.Default.ParticipantQosPage)!;

        Assert.Null(page.PageCount);
        Assert.Null(page.PageSize);
        Assert.Null(page.TotalRecords);
    }

    [Fact]
    public void Numeric_strings_in_the_envelope_are_read_as_numbers()
    {
        var page = JsonSerializer.Deserialize("""{"page_count":"4","total_records":"31"}""", ZoomJsonContext.Default.ParticipantQosPage)!;

        Assert.Equal(4, page.PageCount);
        Assert.Equal(31, page.TotalRecords);
    }

    [Fact]
    public void Values_read_concurrently_through_the_shared_cache_are_all_correct()
    {
        var expected = Read();
        Parallel.For(0, 200, _ =>
        {
            var page = Read();
            var a = page.Participants![0].UserQos![0].AudioInput!;
            Assert.Equal(expected.Participants![0].UserQos![0].AudioInput!.Bitrate, a.Bitrate);
            Assert.Equal("6 ms", a.Jitter.Raw);
            Assert.Equal(6, a.Jitter.Value);
        });
    }
}
