using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Reads an NDJSON body of participant objects (exactly what <c>fetch --format ndjson</c> writes) one line at a
/// time from the request pipe, so memory stays constant whatever the body's size. A line that is not one JSON
/// participant object stops the read with its line number; a body over the limit stops it too.
/// </summary>
public static class NdjsonParticipants
{
    private const int MaxDepth = 16;

    /// <summary>The participants of an NDJSON input, one per non-blank line, read as they are needed.</summary>
    /// <param name="body">The input.</param>
    /// <param name="maxBytes">The most bytes to accept; more throws <see cref="NdjsonTooLargeException"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="NdjsonLineException">A line is not one JSON participant object.</exception>
    public static async IAsyncEnumerable<ParticipantQos> ReadAsync(PipeReader body, long maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long consumed = 0;
        long line = 0;
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (TryReadLine(ref buffer, out var text))
            {
                line++;
                consumed += text.Length + 1;
                if (consumed > maxBytes)
                {
                    throw new NdjsonTooLargeException(maxBytes);
                }

                if (!IsBlank(text))
                {
                    yield return Parse(text, line);
                }
            }

            if (buffer.Length > maxBytes - consumed)
            {
                throw new NdjsonTooLargeException(maxBytes);
            }

            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty && !IsBlank(buffer))
                {
                    line++;
                    yield return Parse(buffer, line);
                }

                body.AdvanceTo(buffer.End);
                yield break;
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> text)
    {
        foreach (var segment in text)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ParticipantQos Parse(ReadOnlySequence<byte> text, long line)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new NdjsonLineException(line, "expected one JSON participant object");
            }

            var participant = JsonSerializer.Deserialize(ref reader, ZoomJsonContext.Default.ParticipantQos)
                ?? throw new NdjsonLineException(line, "expected one JSON participant object");
            if (reader.Read())
            {
                throw new NdjsonLineException(line, "more than one JSON value on the line");
            }

            return participant;
        }
        catch (JsonException ex)
        {
            throw new NdjsonLineException(line, "not valid JSON: " + ex.Message.Split(" Path:", 2)[0]);
        }
    }
}
