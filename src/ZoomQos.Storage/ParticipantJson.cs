using System.Buffers;
using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Storage;

/// <summary>
/// How every store splits a participant into its session JSON (the object without <c>user_qos</c>) and one
/// JSON document per sample, and joins them back into exactly the object the list endpoint returns.
/// </summary>
public static class ParticipantJson
{
    private static readonly byte[] UserQosOpen = "\"user_qos\":["u8.ToArray();

    /// <summary>The participant object without its samples, as UTF-8 JSON.</summary>
    /// <param name="participant">The session.</param>
    public static byte[] SessionJson(ParticipantQos participant) =>
        JsonSerializer.SerializeToUtf8Bytes(participant with { UserQos = null }, ZoomJsonContext.Wire.ParticipantQos);

    /// <summary>One sample as UTF-8 JSON.</summary>
    /// <param name="sample">The sample.</param>
    public static byte[] SampleJson(QosSample sample) => JsonSerializer.SerializeToUtf8Bytes(sample, ZoomJsonContext.Wire.QosSample);

    /// <summary>Joins a session's JSON and its samples' JSON (in minute order) into the full participant object.</summary>
    /// <param name="sessionJson">The participant object without samples, as written by <see cref="SessionJson"/>.</param>
    /// <param name="samples">The samples' JSON, in minute order.</param>
    public static ReadOnlyMemory<byte> Join(ReadOnlySpan<byte> sessionJson, IReadOnlyList<ReadOnlyMemory<byte>> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var length = sessionJson.Length + UserQosOpen.Length + 2 + samples.Count;
        foreach (var sample in samples)
        {
            length += sample.Length;
        }

        var buffer = new ArrayBufferWriter<byte>(length); // sized once: no regrowth, no copy out
        Write(buffer, sessionJson, samples);
        return buffer.WrittenMemory;
    }

    /// <summary>Writes the full participant object (see <see cref="Join"/>) to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="sessionJson">The participant object without samples.</param>
    /// <param name="samples">The samples' JSON, in minute order.</param>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> sessionJson, IReadOnlyList<ReadOnlyMemory<byte>> samples)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(samples);
        output.Write(sessionJson[..^1]); // drop the closing brace
        if (sessionJson.Length > 2)
        {
            output.Write(","u8);
        }

        output.Write(UserQosOpen);
        for (var i = 0; i < samples.Count; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            output.Write(samples[i].Span);
        }

        output.Write("]}"u8);
    }
}
