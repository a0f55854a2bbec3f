using System.Globalization;

namespace ZoomQos.Contracts.Values;

/// <summary>
/// Parses Zoom's "number, optional space, unit" text ("126 ms", "27.15kbps", "0.3%") into a number in
/// base units. Hand-written for the hot path: see docs/decisions/0003-qos-value-parsing.md.
/// </summary>
internal static class QuantityParser
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];

    public static ParsedText? Parse(string? raw, ReadOnlySpan<UnitScale> units, bool allowSign)
    {
        if (raw is null)
        {
            return null;
        }

        var text = raw.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return new ParsedText(raw, false, QosValueState.Idle, 0);
        }

        return TryParseNumber(text, allowSign, out var number, out var consumed)
            && TryScale(text[consumed..].TrimStart(), units, number, out var scaled)
            ? new ParsedText(raw, false, QosValueState.Parsed, scaled)
            : new ParsedText(raw, false, QosValueState.Unparseable, 0);
    }

    public static ParsedText ParseJsonLiteral(string json, ReadOnlySpan<UnitScale> units, bool allowSign)
    {
        // A bare JSON number means the type's base unit; anything else (true, {}, []) is kept but not understood.
        var text = json.AsSpan().Trim();
        return TryParseNumber(text, allowSign, out var number, out var consumed)
            && consumed == text.Length
            && TryScale([], units, number, out var scaled)
            ? new ParsedText(json, true, QosValueState.Parsed, scaled)
            : new ParsedText(json, true, QosValueState.Unparseable, 0);
    }

    /// <summary>Reads a plain decimal (optional sign, digits, optional fraction) from the start of the text.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, bool allowSign, out double number, out int consumed)
    {
        number = 0;
        consumed = 0;
        var i = 0;
        var negative = false;
        if (allowSign && i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var start = i;
        ulong mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                mantissa = (mantissa * 10) + (ulong)(c - '0');
                digits++;
                if (seenPoint)
                {
                    fractionDigits++;
                }

                if (digits > 15)
                {
                    break;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (digits > 15)
        {
            // Too long for the exact fast path: let the framework round it correctly.
            var end = i;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            if (!double.TryParse(text[start..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
                || double.IsInfinity(number))
            {
                return false;
            }

            number = negative ? -number : number;
            consumed = end;
            return true;
        }

        // Both operands are exact doubles (mantissa < 2^53, 10^k for k <= 15), so the quotient is correctly rounded.
        number = mantissa / PowersOfTen[fractionDigits];
        number = negative ? -number : number;
        consumed = i;
        return true;
    }

    private static bool TryScale(ReadOnlySpan<char> unit, ReadOnlySpan<UnitScale> units, double number, out double scaled)
    {
        foreach (var scale in units)
        {
            if (unit.Equals(scale.Suffix, StringComparison.OrdinalIgnoreCase))
            {
                scaled = number * scale.Factor;
                return true;
            }
        }

        scaled = 0;
        return false;
    }
}
