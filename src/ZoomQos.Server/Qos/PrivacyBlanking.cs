using System.Text.Json;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Server.Qos;

/// <summary>
/// What Zoom does for accounts without a signed HIPAA BAA: <c>user_name</c>, <c>email</c>, <c>ip_address</c>
/// and <c>location</c> come back as empty strings in a 200. Applied when serving; the store keeps the data.
/// </summary>
internal static class PrivacyBlanking
{
    public static ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> participantJson)
    {
        var participant = JsonSerializer.Deserialize(participantJson.Span, ZoomJsonContext.Wire.ParticipantQos)!;
        var blanked = participant with { UserName = string.Empty, Email = string.Empty, IpAddress = string.Empty, Location = string.Empty };
        return JsonSerializer.SerializeToUtf8Bytes(blanked, ZoomJsonContext.Wire.ParticipantQos);
    }
}
