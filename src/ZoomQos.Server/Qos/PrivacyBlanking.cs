using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Server.Qos;

/// <summary>
/// What Zoom does for accounts without a signed HIPAA BAA: <c>user_name</c>, <c>email</c>, <c>ip_address</c>
/// and <c>location</c> come back as empty strings in a 200. Applied when serving (the API and the dashboard alike);
/// the store keeps the data.
/// </summary>
public static class PrivacyBlanking
{
    /// <summary>The participant as an account with blanking on sees it.</summary>
    /// <param name="participant">The participant as stored.</param>
    public static ParticipantQos Blank(ParticipantQos participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant with { UserName = string.Empty, Email = string.Empty, IpAddress = string.Empty, Location = string.Empty };
    }

    internal static ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> participantJson) =>
        JsonSerializer.SerializeToUtf8Bytes(Blank(JsonSerializer.Deserialize(participantJson.Span, ZoomJsonContext.Wire.ParticipantQos)!), ZoomJsonContext.Wire.ParticipantQos);
}
