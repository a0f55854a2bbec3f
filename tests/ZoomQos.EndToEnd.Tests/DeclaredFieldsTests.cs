using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>The fields Zoom declares beyond the quality minutes, as the demo simulates them, read by the SDK's typed properties.</summary>
public sealed class DeclaredFieldsTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task The_sdk_reads_the_lists_quality_flags_and_keys_and_the_participants_groups_plugins_and_gateway_legs()
    {
        using var client = new ZoomQosClient(
            new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", seeded.Server.TokenAddress),
            new ZoomQosClientOptions { BaseUri = seeded.Server.ApiBaseAddress, RatePlan = null });
        var today = DateOnly.FromDateTime(seeded.Time.GetUtcNow().UtcDateTime);

        var webinars = await client.GetWebinarsAsync(QosListType.Past, today.AddDays(-25), today).ToListAsync();
        var allHands = webinars.Where(w => w.Id == 81234567890).MaxBy(w => w.StartTime.Value)!;
        var teamSync = webinars.Single(w => w.Id == 81234567894);
        var officeHours = webinars.Single(w => w.Id == 81234567892);
        var sessions = await client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).ToListAsync();

        Assert.Equal(("poor", "fair", "good"), (allHands.AudioQuality, allHands.VideoQuality, allHands.ScreenShareQuality));
        Assert.Equal(("fair", "good"), (teamSync.AudioQuality, officeHours.AudioQuality)); // one of 12 on weak Wi-Fi; one of 21
        Assert.True(allHands.HasVoip == true && allHands.HasVideo == true && allHands.HasScreenShare == true && allHands.HasRecording == true);
        Assert.True(allHands.HasPstn == true && allHands.HasSip == true); // 1,003 sessions have phones and room systems
        Assert.Equal(("Engineering", "cost_center"), (allHands.Dept, allHands.CustomKeys![0].Key));
        Assert.Contains(sessions, p => p.GroupId is { Length: > 0 });
        Assert.Contains(sessions, p => p.ZoomThinClientPluginVersion is { Length: > 0 });
        var web = sessions.First(p => p.Client == "Web" && p.UserQos!.Count > 0);
        Assert.All(web.UserQos!, s => Assert.Equal(s.AudioInput, s.AudioDeviceFromRwg));
        Assert.All(web.UserQos!, s => Assert.Equal(s.AudioOutput, s.AudioDeviceToRwg));
        var room = sessions.First(p => p.Device.Raw == "H.323/SIP" && p.UserQos!.Count > 0);
        Assert.All(room.UserQos!, s => Assert.True(s.AudioDeviceFromCrc is not null && s.AsDeviceToCrc is not null));
    }
}
