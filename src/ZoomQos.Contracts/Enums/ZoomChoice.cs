using System.Diagnostics.CodeAnalysis;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Enums;

/// <summary>
/// An extensible enumeration (the Azure SDK pattern): a field whose documented values are listed by
/// <typeparamref name="TValues"/>, but which keeps any value Zoom adds tomorrow as its raw string
/// instead of failing. Unknown values read as <see cref="QosValueState.Unparseable"/> with <see cref="IsKnown"/> false.
/// </summary>
/// <typeparam name="TValues">The list of documented values.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The static members implement IQosValue's static abstract factory, which the JSON converter calls.")]
public readonly record struct ZoomChoice<TValues> : IQosValue<ZoomChoice<TValues>>
    where TValues : IZoomChoiceValues
{
    private readonly ParsedText? _text;

    private ZoomChoice(string raw, bool rawIsJsonLiteral, QosValueState state) => _text = new ParsedText(raw, rawIsJsonLiteral, state);

    /// <inheritdoc/>
    public string? Raw => _text?.Raw;

    /// <inheritdoc/>
    public bool RawIsJsonLiteral => _text?.RawIsJsonLiteral ?? false;

    /// <inheritdoc/>
    public QosValueState State => _text?.State ?? QosValueState.Absent;

    /// <summary>Whether the value is one Zoom documents (compared without regard to case).</summary>
    public bool IsKnown => State == QosValueState.Parsed;

    /// <summary>Converts a string to the enumeration.</summary>
    /// <param name="value">The value's text.</param>
    public static implicit operator ZoomChoice<TValues>(string value) => Parse(value);

    /// <inheritdoc/>
    public static ZoomChoice<TValues> Parse(string? raw)
    {
        if (raw is null)
        {
            return default;
        }

        if (raw.Length == 0)
        {
            return new ZoomChoice<TValues>(raw, false, QosValueState.Idle);
        }

        foreach (var known in TValues.Known)
        {
            if (string.Equals(known, raw, StringComparison.OrdinalIgnoreCase))
            {
                return new ZoomChoice<TValues>(raw, false, QosValueState.Parsed);
            }
        }

        return new ZoomChoice<TValues>(raw, false, QosValueState.Unparseable);
    }

    /// <inheritdoc/>
    public static ZoomChoice<TValues> ParseJsonLiteral(string json) => new(json, true, QosValueState.Unparseable);

    /// <summary>Whether this value is <paramref name="other"/>, compared without regard to case as Zoom's casing varies.</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Is(string other) => string.Equals(Raw, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>Values are equal when they were read from the same text.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(ZoomChoice<TValues> other) => ParsedText.AreEqual(_text, other._text);

    /// <inheritdoc/>
    public override int GetHashCode() => ParsedText.HashOf(_text);

    /// <summary>The raw text, exactly as read.</summary>
    public override string ToString() => Raw ?? string.Empty;
}
