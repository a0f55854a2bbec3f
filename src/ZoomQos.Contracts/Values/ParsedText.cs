namespace ZoomQos.Contracts.Values;

/// <summary>
/// The shared, immutable state behind every QoS value: the raw text, its state and what it parsed to. A value
/// struct holds one reference to it, so a record of seven values costs seven pointers, and the repeated strings
/// of a page ("0 ms", "0.0%") share one instance through the reader's cache.
/// </summary>
internal sealed class ParsedText(string raw, bool rawIsJsonLiteral, QosValueState state, double number = 0, long integer = 0)
{
    public string Raw { get; } = raw;

    public bool RawIsJsonLiteral { get; } = rawIsJsonLiteral;

    public QosValueState State { get; } = state;

    /// <summary>The parsed number in base units (bits per second, milliseconds, percent, fps, dBm).</summary>
    public double Number { get; } = number;

    /// <summary>An integral payload: width and height packed for a resolution, UTC ticks for a timestamp.</summary>
    public long Integer { get; } = integer;

    public double? Value => State == QosValueState.Parsed ? Number : null;

    /// <summary>Values are equal when they were read from the same text: state and number follow from it.</summary>
    public static bool AreEqual(ParsedText? a, ParsedText? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && a.RawIsJsonLiteral == b.RawIsJsonLiteral && string.Equals(a.Raw, b.Raw, StringComparison.Ordinal));

    public static int HashOf(ParsedText? text) => text is null ? 0 : HashCode.Combine(text.Raw, text.RawIsJsonLiteral);
}
