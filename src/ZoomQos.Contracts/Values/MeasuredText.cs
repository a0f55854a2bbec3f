namespace ZoomQos.Contracts.Values;

/// <summary>The shared state of every number-with-unit value: the raw text, its state and the number in base units.</summary>
internal readonly record struct MeasuredText(string? Raw, bool RawIsJsonLiteral, QosValueState State, double Number)
{
    public double? Value => State == QosValueState.Parsed ? Number : null;

    public override string ToString() => Raw ?? string.Empty;
}
