using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A frame rate such as <c>"12 fps"</c>; an idle stream sends <c>""</c>.</summary>
[JsonConverter(typeof(QosValueJsonConverter<FrameRate>))]
public readonly record struct FrameRate : IQosValue<FrameRate>
{
    private static readonly UnitScale[] Units = [new("fps", 1), new("", 1)];

    private readonly ParsedText? _text;

    private FrameRate(ParsedText? text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Frames per second, or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Value => _text?.Value;

    /// <inheritdoc/>
    public static FrameRate Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static FrameRate ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(FrameRate other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
