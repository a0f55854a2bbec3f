using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A bitrate such as <c>"23 kbps"</c>, <c>"27.15kbps"</c> or <c>"1.2 Mbps"</c>; a bare number means kbps, as Zoom reports.</summary>
[JsonConverter(typeof(QosValueJsonConverter<Bitrate>))]
public readonly record struct Bitrate : IQosValue<Bitrate>
{
    private static readonly UnitScale[] Units = [new("kbps", 1_000), new("mbps", 1_000_000), new("bps", 1), new("gbps", 1_000_000_000), new("", 1_000)];

    private readonly ParsedText? _text;

    private Bitrate(ParsedText? text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Bits per second, or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? BitsPerSecond => _text?.Value;

    /// <summary>Kilobits per second (1,000 bits), or <see langword="null"/> unless parsed.</summary>
    public double? Kbps => _text?.Value / 1_000;

    /// <inheritdoc/>
    public static Bitrate Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static Bitrate ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(Bitrate other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
