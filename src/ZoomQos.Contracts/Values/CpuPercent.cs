using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Values;

/// <summary>A CPU usage such as <c>"11%"</c> (<c>zoom_avg_cpu_usage</c>, <c>system_max_cpu_usage</c>).</summary>
[JsonConverter(typeof(QosValueJsonConverter<CpuPercent>))]
public readonly record struct CpuPercent : IQosValue<CpuPercent>
{
    private static readonly UnitScale[] Units = [new("%", 1), new("", 1)];

    private readonly MeasuredText _text;

    private CpuPercent(MeasuredText text) => _text = text;

    /// <inheritdoc/>
    public string? Raw => _text.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text.RawIsJsonLiteral;

    /// <inheritdoc/>
    public QosValueState State => _text.State;

    /// <summary>Percent of CPU, or <see langword="null"/> unless <see cref="State"/> is <see cref="QosValueState.Parsed"/>.</summary>
    public double? Value => _text.Value;

    /// <inheritdoc/>
    public static CpuPercent Parse(string? raw) => new(QuantityParser.Parse(raw, Units, allowSign: false));

    /// <inheritdoc/>
    public static CpuPercent ParseJsonLiteral(string json) => new(QuantityParser.ParseJsonLiteral(json, Units, allowSign: false));

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => _text.ToString();
}
