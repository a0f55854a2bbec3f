using System.Globalization;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>
/// A UTC time as Zoom writes it (<c>"2021-06-24T20:00:00Z"</c>). The raw text is kept so that it is written
/// back unchanged; <c>""</c> (a leave time still to come) is idle; odd text is kept, not thrown at.
/// </summary>
[JsonConverter(typeof(QosValueJsonConverter<ZoomTimestamp>))]
public readonly record struct ZoomTimestamp : IQosValue<ZoomTimestamp>
{
    private readonly ParsedText? _text;

    private ZoomTimestamp(string raw, bool rawIsJsonLiteral, QosValueState state, DateTimeOffset value = default) =>
        _text = new ParsedText(raw, rawIsJsonLiteral, state, integer: value.UtcTicks);

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>The instant in UTC, or <see langword="null"/> unless parsed.</summary>
    public DateTimeOffset? Value => State == QosValueState.Parsed ? new DateTimeOffset(_text!.Integer, TimeSpan.Zero) : null;

    /// <summary>Makes a timestamp in Zoom's own form (<c>yyyy-MM-ddTHH:mm:ssZ</c>, whole seconds, UTC).</summary>
    /// <param name="value">The instant; its sub-second part is dropped, as Zoom does.</param>
    public static ZoomTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        utc = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new ZoomTimestamp(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), false, QosValueState.Parsed, utc);
    }

    /// <inheritdoc/>
    public static ZoomTimestamp Parse(string? raw)
    {
        if (raw is null)
        {
            return default;
        }

        var text = raw.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return new ZoomTimestamp(raw, false, QosValueState.Idle);
        }

        if (TryParseZoomForm(text, out var value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return new ZoomTimestamp(raw, false, QosValueState.Parsed, value);
        }

        return new ZoomTimestamp(raw, false, QosValueState.Unparseable);
    }

    /// <inheritdoc/>
    public static ZoomTimestamp ParseJsonLiteral(string json) => new(json, true, QosValueState.Unparseable);

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(ZoomTimestamp other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;

    // Zoom's own form, "yyyy-MM-ddTHH:mm:ssZ", parsed without the general parser: one per sample on the hot path.
    private static bool TryParseZoomForm(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
