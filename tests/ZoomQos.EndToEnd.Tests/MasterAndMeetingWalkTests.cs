using System.Text.Json;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>The SDK's meeting walks and a master account's walk of a sub-account (<see cref="ZoomQosClientOptions.SubAccountId"/>), against the real server.</summary>
public sealed class MasterAndMeetingWalkTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task A_master_walks_its_sub_accounts_webinar_and_meeting_as_the_sub_account_does()
    {
        using var own = Client("demo", "demo-client-id", "demo-client-secret");
        using var master = Client("demo-master", "demo-master-client-id", "demo-master-client-secret", sub: "demo");

        var webinar = await Walk(own.GetWebinarParticipantsQosAsync("81234567894", QosListType.Past));
        var webinarAsMaster = await Walk(master.GetWebinarParticipantsQosAsync("81234567894", QosListType.Past));
        var meeting = await Walk(own.GetMeetingParticipantsQosAsync("85234567890", QosListType.Past));
        var meetingAsMaster = await Walk(master.GetMeetingParticipantsQosAsync("85234567890", QosListType.Past));
        var meetings = await master.GetMeetingsAsync(QosListType.Live).ToListAsync();
        var one = await master.GetMeetingParticipantQosAsync("85234567890", JsonDocument.Parse(meeting[0]).RootElement.GetProperty("user_id").GetString()!, QosListType.Past);

        Assert.Equal(12, webinar.Count);
        Assert.Equal(webinar, webinarAsMaster);
        Assert.Equal(30, meeting.Count);
        Assert.Equal(meeting, meetingAsMaster);
        Assert.Equal(QosEventKind.Meeting, Assert.Single(meetings).Kind);
        Assert.False(string.IsNullOrEmpty(one.Microphone));
        Assert.True(one.TotalJointimeCost > 0);
    }

    [Fact]
    public async Task A_master_asking_for_an_account_not_its_own_gets_zooms_2001()
    {
        using var master = Client("demo-master", "demo-master-client-id", "demo-master-client-secret", sub: "demo-pro");

        var error = await Assert.ThrowsAsync<Client.Errors.ZoomApiException>(async () => await master.GetWebinarsAsync(QosListType.Live).ToListAsync());

        Assert.Equal(2001, error.Code);
    }

    private ZoomQosClient Client(string account, string clientId, string secret, string? sub = null) =>
        new(new ServerToServerOAuthCredential(account, clientId, secret, seeded.Server.TokenAddress), new ZoomQosClientOptions { BaseUri = seeded.Server.ApiBaseAddress, SubAccountId = sub, RatePlan = null });

    private static async Task<List<string>> Walk(IAsyncEnumerable<ParticipantQos> walk) =>
        await walk.Select(p => JsonSerializer.Serialize(p, ZoomJsonContext.Wire.ParticipantQos)).ToListAsync();
}
