using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;

namespace ZoomQos.Client.Paging;

/// <summary>
/// Finds where JSON values begin and end without tokenizing what is inside them (decision 0022): a string is skipped
/// to its closing quote, a container to its matching bracket by a vectorized search for the five bytes that can open
/// or close one (<c>{ } [ ] "</c>), so a participant's samples are passed over at memory speed instead of token by
/// token. What it checks: strings are closed, brackets match and nest at most 64 deep (as <see cref="Utf8JsonReader"/>
/// allows), members have a name, a colon and a value, and a member's own scalar value is a literal or a number's
/// characters. What it does not: anything inside a skipped container but its strings and brackets (a number's grammar,
/// an escape's, the commas). Errors are <see cref="JsonException"/>s.
/// </summary>
internal static class JsonScan
{
    private const int MaxDepth = 64;
    private static readonly SearchValues<byte> Structural = SearchValues.Create("{}[]\""u8);
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> AfterScalar = SearchValues.Create(",}] \t\r\n"u8);
    private static readonly SearchValues<byte> NumberBytes = SearchValues.Create("-+.eE0123456789"u8);

    /// <summary>The index of the first byte at or after <paramref name="at"/> that is not JSON whitespace.</summary>
    public static int Whitespace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            at++;
        }

        return at;
    }

    /// <summary>The index just past the value that starts at <paramref name="at"/> (no whitespace before it).</summary>
    public static int Value(ReadOnlySpan<byte> json, int at)
    {
        if (at >= json.Length)
        {
            throw Truncated();
        }

        return json[at] switch
        {
            (byte)'"' => String(json, at),
            (byte)'{' or (byte)'[' => Container(json, at),
            _ => Scalar(json, at),
        };
    }

    /// <summary>The index just past the string whose opening quote is at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int String(ReadOnlySpan<byte> json, int at)
    {
        var i = at + 1;
        while (true)
        {
            var next = i < json.Length ? json[i..].IndexOfAny(InString) : -1;
            if (next < 0)
            {
                throw Truncated();
            }

            i += next;
            if (json[i] == (byte)'"')
            {
                return i + 1;
            }

            i += 2; // a backslash and the byte it escapes
        }
    }

    /// <summary>The text of the JSON string <paramref name="quoted"/> (its quotes included), escapes decoded.</summary>
    public static string Text(ReadOnlySpan<byte> quoted)
    {
        var inner = quoted[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(inner);
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>Whether the JSON string <paramref name="quoted"/> (quotes included) is <paramref name="name"/>, escapes decoded.</summary>
    public static bool TextEquals(ReadOnlySpan<byte> quoted, ReadOnlySpan<byte> name)
    {
        var inner = quoted[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return inner.SequenceEqual(name);
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.ValueTextEquals(name);
    }

    // A container's end, found 32 bytes at a time: masks of the quotes, backslashes and brackets in the block (the
    // brackets in two compares: '{' and '[', '}' and ']' differ only in bit 0x20). Samples are "name":"value" pairs,
    // a quote every few bytes, a bracket every few dozen: a search call per byte found was no faster than
    // Utf8JsonReader, so strings are masked out at once and only brackets are stepped (decision 0022).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first page: a short process would spend it in tier 0
    private static int Container(ReadOnlySpan<byte> json, int at)
    {
        Span<byte> open = stackalloc byte[MaxDepth];
        var state = new ScanState();
        var i = at;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(json);
            uint skip = 0; // the byte after a block's last backslash, escaped, is the next block's first
            for (; i + Vector256<byte>.Count <= json.Length; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref first, (nuint)i);
                var folded = block | Vector256.Create((byte)0x20);
                var quotes = Vector256.Equals(block, Vector256.Create((byte)'"')).ExtractMostSignificantBits();
                var slashes = Vector256.Equals(block, Vector256.Create((byte)'\\')).ExtractMostSignificantBits();
                var brackets = (Vector256.Equals(folded, Vector256.Create((byte)'{')) | Vector256.Equals(folded, Vector256.Create((byte)'}'))).ExtractMostSignificantBits();
                if (slashes == 0 && skip == 0)
                {
                    // No escapes: a bit is inside a string when an odd number of quotes comes at or before it (a
                    // prefix XOR, carried in from the block before); only the brackets outside strings are stepped.
                    var inside = quotes ^ (quotes << 1);
                    inside ^= inside << 2;
                    inside ^= inside << 4;
                    inside ^= inside << 8;
                    inside ^= inside << 16;
                    inside = state.InString ? ~inside : inside;
                    state.InString = false; // the brackets stepped are outside strings
                    for (var outside = brackets & ~inside; outside != 0; outside &= outside - 1)
                    {
                        var bit = BitOperations.TrailingZeroCount(outside);
                        if (Step(json[i + bit], ref state, open, i + bit) == Stepped.End)
                        {
                            return i + bit + 1;
                        }
                    }

                    state.InString = (inside >> 31) != 0;
                    continue;
                }

                var mask = (quotes | slashes | brackets) & ~skip;
                skip = 0;
                while (mask != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    switch (Step(json[i + bit], ref state, open, i + bit))
                    {
                        case Stepped.End:
                            return i + bit + 1;
                        case Stepped.SkipNext when bit == Vector256<byte>.Count - 1:
                            skip = 1;
                            break;
                        case Stepped.SkipNext:
                            mask &= ~(1u << (bit + 1));
                            break;
                    }
                }
            }

            if (skip != 0)
            {
                i++;
            }
        }

        for (; i < json.Length; i++)
        {
            var b = json[i];
            if (b is (byte)'"' or (byte)'\\' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']')
            {
                switch (Step(b, ref state, open, i))
                {
                    case Stepped.End:
                        return i + 1;
                    case Stepped.SkipNext:
                        i++;
                        break;
                }
            }
        }

        throw Truncated();
    }

    // One structural byte of a container: a quote opens or closes a string, a backslash in one escapes the next
    // byte, and outside strings brackets nest and must match.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Stepped Step(byte b, ref ScanState state, Span<byte> open, int at)
    {
        if (state.InString)
        {
            if (b == (byte)'\\')
            {
                return Stepped.SkipNext;
            }

            state.InString = b != (byte)'"';
            return Stepped.On;
        }

        switch (b)
        {
            case (byte)'"':
                state.InString = true;
                return Stepped.On;
            case (byte)'{' or (byte)'[':
                if (state.Depth == MaxDepth)
                {
                    throw new JsonException($"nested more than {MaxDepth} deep at byte {at}");
                }

                open[state.Depth++] = b;
                return Stepped.On;
            case (byte)'}' or (byte)']':
                if (state.Depth == 0 || open[state.Depth - 1] != (b == (byte)'}' ? (byte)'{' : (byte)'['))
                {
                    throw new JsonException($"'{(char)b}' does not close what is open at byte {at}");
                }

                return --state.Depth == 0 ? Stepped.End : Stepped.On;
            default:
                throw new JsonException($"a backslash outside a string at byte {at}");
        }
    }

    private static int Scalar(ReadOnlySpan<byte> json, int at)
    {
        var length = json[at..].IndexOfAny(AfterScalar);
        var scalar = length < 0 ? json[at..] : json.Slice(at, length);
        var valid = scalar.Length > 0 && (scalar.SequenceEqual("true"u8) || scalar.SequenceEqual("false"u8) || scalar.SequenceEqual("null"u8)
            || (scalar.IndexOfAnyExcept(NumberBytes) < 0 && (scalar[0] == (byte)'-' || char.IsAsciiDigit((char)scalar[0]))));
        return valid ? at + scalar.Length : throw new JsonException($"'{Encoding.UTF8.GetString(scalar[..Math.Min(scalar.Length, 16)])}' at byte {at} is not a JSON value");
    }

    internal static JsonException Truncated() => new("the JSON ends inside a value");

    private enum Stepped
    {
        On,
        SkipNext,
        End,
    }

    private struct ScanState
    {
        public bool InString;
        public int Depth;
    }
}
