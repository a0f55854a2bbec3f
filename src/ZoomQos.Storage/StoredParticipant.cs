using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Storage;

/// <summary>
/// A session as stored: its keyset position and its participant object as UTF-8 JSON, exactly what the list
/// endpoint returns for it (samples in minute order). The server writes <see cref="Json"/> as it is.
/// </summary>
/// <param name="Cursor">The session's keyset position.</param>
/// <param name="Json">The participant object, <c>user_qos</c> included.</param>
public sealed record StoredParticipant(ParticipantCursor Cursor, ReadOnlyMemory<byte> Json)
{
    /// <summary>Reads the JSON into the typed record.</summary>
    public ParticipantQos ToParticipant() => JsonSerializer.Deserialize(Json.Span, ZoomJsonContext.Default.ParticipantQos)!;
}
