using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A Wi-Fi signal strength in dBm; Zoom sends an integer (<c>-45</c>), some tools a string (<c>"-45 dBm"</c>).</summary>
[JsonConverter(typeof(QosValueJsonConverter<Rssi>))]
public readonly record struct Rssi : IQosValue<Rssi>
{
    private static readonly UnitScale[] Units = [new("dbm", 1), new("", 1)];

    private readonly ParsedText? _text;

    private Rssi(ParsedText? text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>dBm (negative; closer to zero is stronger), or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Dbm => _text?.Value;

    /// <inheritdoc/>
    public static Rssi Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: true));

    /// <inheritdoc/>
    public static Rssi ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: true));

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(Rssi other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
