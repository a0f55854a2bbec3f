using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Server.Qos;

/// <summary>
/// What Zoom does for accounts without a signed HIPAA BAA: <c>user_name</c>, <c>email</c>, <c>ip_address</c>
/// and <c>location</c> come back as empty strings in a 200 (<see cref="ParticipantQos.WithPrivacyBlanking"/>). Applied to
/// the stored bytes when serving; the store keeps the data.
/// </summary>
internal static class PrivacyBlanking
{
    internal static ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> participantJson) =>
        JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(participantJson.Span, ZoomJsonContext.Wire.ParticipantQos)!.WithPrivacyBlanking(), ZoomJsonContext.Wire.ParticipantQos);
}
