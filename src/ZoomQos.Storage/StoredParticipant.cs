using System.Buffers;
using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Storage;

/// <summary>
/// A session as stored: its keyset position, its participant object without samples, and each sample, all as
/// UTF-8 JSON. <see cref="WriteTo"/> writes exactly the object the list endpoint returns (samples in minute
/// order) without first joining it into one large array.
/// </summary>
/// <param name="Cursor">The session's keyset position.</param>
/// <param name="SessionJson">The participant object without <c>user_qos</c>.</param>
/// <param name="SampleJson">The samples, in minute order.</param>
public sealed record StoredParticipant(ParticipantCursor Cursor, ReadOnlyMemory<byte> SessionJson, IReadOnlyList<ReadOnlyMemory<byte>> SampleJson)
{
    /// <summary>The whole participant object, <c>user_qos</c> included, as one array (made on each call).</summary>
    public ReadOnlyMemory<byte> Json => ParticipantJson.Join(SessionJson.Span, SampleJson);

    /// <summary>Writes the whole participant object.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteTo(IBufferWriter<byte> output) => ParticipantJson.Write(output, SessionJson.Span, SampleJson);

    /// <summary>Reads the JSON into the typed record.</summary>
    public ParticipantQos ToParticipant() => JsonSerializer.Deserialize(Json.Span, ZoomJsonContext.Default.ParticipantQos)!;
}
