using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A packet-loss share such as <c>"0.3%"</c> or <c>"1.9%"</c>.</summary>
[JsonConverter(typeof(QosValueJsonConverter<Percent>))]
public readonly record struct Percent : IQosValue<Percent>
{
    private static readonly UnitScale[] Units = [new("%", 1), new("", 1)];

    private readonly MeasuredText _text;

    private Percent(MeasuredText text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text.RawIsJsonLiteral;

    /// <inheritdoc/>
    public QosValueState State => _text.State;

    /// <summary>Percent (0.3 for <c>"0.3%"</c>), or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Value => _text.Value;

    /// <inheritdoc/>
    public static Percent Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static Percent ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => _text.ToString();
}
