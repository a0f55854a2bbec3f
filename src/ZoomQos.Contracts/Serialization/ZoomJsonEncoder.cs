using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Escapes what JSON requires and nothing more: the quotation mark, the reverse solidus and the control characters
/// U+0000–U+001F (RFC 8259, section 7), as Zoom writes its bodies. System.Text.Json's default encoder also escapes
/// the HTML-sensitive characters (<c>'</c> became <c>\u0027</c>, <c>+</c> <c>\u002B</c>) and every non-ASCII
/// character; its relaxed encoder still escapes characters beyond the Basic Multilingual Plane (an emoji in a
/// name became <c>\uD83C\uDF89</c>). See docs/decisions/0014. Invalid UTF-8 is written as U+FFFD, so the output
/// is always valid JSON. Never embed this output in HTML unescaped: the report has its own encoding.
/// </summary>
public sealed class ZoomJsonEncoder : JavaScriptEncoder
{
    // What JSON requires escaped, and (to be looked at, not escaped) what is not ASCII: one vectorized pass finds both.
    private static readonly SearchValues<byte> Utf8Stops = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static readonly SearchValues<char> Utf16Stops = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\', .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    private ZoomJsonEncoder()
    {
    }

    /// <summary>The one instance.</summary>
    public static ZoomJsonEncoder Instance { get; } = new();

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; ;)
        {
            var stop = span[i..].IndexOfAny(Utf16Stops);
            if (stop < 0)
            {
                return -1;
            }

            i += stop;
            // A surrogate pair is one character written as it is; a lone surrogate cannot be UTF-8 (it becomes U+FFFD).
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
                continue;
            }

            return i;
        }
    }

    /// <inheritdoc/>
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        for (var i = 0; ;)
        {
            var stop = utf8Text[i..].IndexOfAny(Utf8Stops);
            if (stop < 0)
            {
                return -1;
            }

            i += stop;
            // Valid multi-byte UTF-8 is written as it is; an invalid sequence is handed to the encoder (U+FFFD).
            if (utf8Text[i] < 0x80 || Rune.DecodeFromUtf8(utf8Text[i..], out _, out var length) != OperationStatus.Done)
            {
                return i;
            }

            i += length;
        }
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            var rune = Rune.IsValid(unicodeScalar) ? new Rune(unicodeScalar) : Rune.ReplacementChar;
            return rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }

        ReadOnlySpan<char> escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\\u{unicodeScalar:X4}"),
        };
        if (!escape.TryCopyTo(destination))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = escape.Length;
        return true;
    }
}
