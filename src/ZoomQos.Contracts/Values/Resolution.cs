using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A video or screen-share resolution, <c>"1280*720"</c>; an idle stream sends <c>"0*0"</c> or <c>""</c>.</summary>
[JsonConverter(typeof(QosValueJsonConverter<Resolution>))]
public readonly record struct Resolution : IQosValue<Resolution>
{
    private readonly ParsedText? _text;

    private Resolution(string raw, bool rawIsJsonLiteral, QosValueState state, int width = 0, int height = 0) =>
        _text = new ParsedText(raw, rawIsJsonLiteral, state, integer: ((long)width << 32) | (uint)height);

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Width in pixels, or <see langword="null"/> unless parsed.</summary>
    public int? Width => State == QosValueState.Parsed ? (int)(_text!.Integer >> 32) : null;

    /// <summary>Height in pixels (the "p" of 720p), or <see langword="null"/> unless parsed.</summary>
    public int? Height => State == QosValueState.Parsed ? (int)(uint)_text!.Integer : null;

    /// <inheritdoc/>
    public static Resolution Parse(string? raw)
    {
        if (raw is null)
        {
            return default;
        }

        var text = raw.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return new Resolution(raw, false, QosValueState.Idle);
        }

        var separator = text.IndexOfAny('*', 'x', 'X');
        if (separator > 0
            && TryParseDimension(text[..separator].TrimEnd(), out var width)
            && TryParseDimension(text[(separator + 1)..].TrimStart(), out var height))
        {
            return width == 0 && height == 0
                ? new Resolution(raw, false, QosValueState.Idle)
                : new Resolution(raw, false, QosValueState.Parsed, width, height);
        }

        return new Resolution(raw, false, QosValueState.Unparseable);
    }

    /// <inheritdoc/>
    public static Resolution ParseJsonLiteral(string json) => new(json, true, QosValueState.Unparseable);

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(Resolution other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;

    private static bool TryParseDimension(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 6)
        {
            return false;
        }

        foreach (var c in text)
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
