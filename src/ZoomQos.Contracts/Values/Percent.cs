using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A packet-loss share such as <c>"0.3%"</c> or <c>"1.9%"</c>.</summary>
[JsonConverter(typeof(QosValueJsonConverter<Percent>))]
public readonly record struct Percent : IQosValue<Percent>
{
    private static readonly UnitScale[] Units = [new("%", 1), new("", 1)];

    private readonly ParsedText? _text;

    private Percent(ParsedText? text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Percent (0.3 for <c>"0.3%"</c>), or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Value => _text?.Value;

    /// <inheritdoc/>
    public static Percent Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static Percent ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(Percent other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
