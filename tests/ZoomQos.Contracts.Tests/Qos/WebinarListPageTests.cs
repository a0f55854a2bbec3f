using System.Text.Json;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;

namespace ZoomQos.Contracts.Tests.Qos;

public class WebinarListPageTests
{
    [Fact]
    public void The_list_webinars_response_reads_and_round_trips()
    {
        var page = JsonSerializer.Deserialize(Fixtures.Bytes("list-webinars.json"), ZoomJsonContext.Default.WebinarListPage)!;

        var webinar = Assert.Single(page.Webinars!);
        Assert.Equal("w7fUhDMLSo25Lfvu/3I+cw==", webinar.Uuid);
        Assert.Equal(81234567890, webinar.Id);
        Assert.Equal(1003, webinar.Participants);
        Assert.True(webinar.HasVoip);
        Assert.False(webinar.HasThirdPartyAudio);
        Assert.Equal("cost_center", webinar.CustomKeys![0].Key);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 30, 0, TimeSpan.Zero), webinar.EndTime.Value);
        Assert.Equal("good", webinar.AudioQuality); // typed since the SDK reads the quality fields Zoom declares
        JsonAssert.Equal(Fixtures.Node("list-webinars.json"), JsonSerializer.Serialize(page, ZoomJsonContext.Default.WebinarListPage));
    }
}
