using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A duration such as latency or jitter: <c>"126 ms"</c>, <c>"0ms"</c>; a bare number means milliseconds.</summary>
[JsonConverter(typeof(QosValueJsonConverter<Milliseconds>))]
public readonly record struct Milliseconds : IQosValue<Milliseconds>
{
    private static readonly UnitScale[] Units = [new("ms", 1), new("s", 1_000), new("", 1)];

    private readonly ParsedText? _text;

    private Milliseconds(ParsedText? text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Milliseconds, or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Value => _text?.Value;

    /// <inheritdoc/>
    public static Milliseconds Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static Milliseconds ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(Milliseconds other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
