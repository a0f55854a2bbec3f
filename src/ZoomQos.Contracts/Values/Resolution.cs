using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A video or screen-share resolution, <c>"1280*720"</c>; an idle stream sends <c>"0*0"</c> or <c>""</c>.</summary>
[JsonConverter(typeof(QosValueJsonConverter<Resolution>))]
public readonly record struct Resolution : IQosValue<Resolution>
{
    private readonly int _width;
    private readonly int _height;

    private Resolution(string? raw, bool rawIsJsonLiteral, QosValueState state, int width = 0, int height = 0)
    {
        Raw = raw;
        RawIsJsonLiteral = rawIsJsonLiteral;
        State = state;
        _width = width;
        _height = height;
    }

    /// <inheritdoc/>
    public string? Raw { get; }

    /// <inheritdoc/>
    public bool RawIsJsonLiteral { get; }

    /// <inheritdoc/>
    public QosValueState State { get; }

    /// <summary>Width in pixels, or <see langword="null"/> unless parsed.</summary>
    public int? Width => State == QosValueState.Parsed ? _width : null;

    /// <summary>Height in pixels (the "p" of 720p), or <see langword="null"/> unless parsed.</summary>
    public int? Height => State == QosValueState.Parsed ? _height : null;

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
