using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A CPU usage such as <c>"11%"</c> (<c>zoom_avg_cpu_usage</c>, <c>system_max_cpu_usage</c>).</summary>
[JsonConverter(typeof(QosValueJsonConverter<CpuPercent>))]
public readonly record struct CpuPercent : IQosValue<CpuPercent>
{
    private static readonly UnitScale[] Units = [new("%", 1), new("", 1)];

    private readonly ParsedText? _text;

    private CpuPercent(ParsedText? text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Percent of CPU, or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Value => _text?.Value;

    /// <inheritdoc/>
    public static CpuPercent Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static CpuPercent ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(CpuPercent other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
