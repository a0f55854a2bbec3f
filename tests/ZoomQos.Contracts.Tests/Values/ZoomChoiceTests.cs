using System.Text.Json;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Tests.Values;

public class ZoomChoiceTests
{
    [Theory]
    [InlineData("Wifi")]
    [InlineData("wifi")]
    [InlineData("Cellular")]
    public void Documented_values_are_known_whatever_their_case(string raw)
    {
        ZoomChoice<NetworkTypes> value = raw;

        Assert.True(value.IsKnown);
        Assert.Equal(raw, value.Raw);
    }

    [Fact]
    public void A_value_zoom_adds_tomorrow_is_kept_as_its_raw_string()
    {
        var participant = JsonSerializer.Deserialize("""{"network_type":"5G","device":"Quest 3"}""", ZoomJsonContext.Default.ParticipantQos)!;

        Assert.False(participant.NetworkType.IsKnown);
        Assert.Equal("5G", participant.NetworkType.Raw);
        Assert.Equal(QosValueState.Unparseable, participant.Device.State);
        Assert.Contains("\"network_type\":\"5G\"", JsonSerializer.Serialize(participant, ZoomJsonContext.Default.ParticipantQos), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_is_idle_and_comparison_ignores_case()
    {
        Assert.Equal(QosValueState.Idle, ZoomChoice<DeviceTypes>.Parse("").State);
        Assert.True(ZoomChoice<DeviceTypes>.Parse("IOS").Is("iOS"));
    }
}
