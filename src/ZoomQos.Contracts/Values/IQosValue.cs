namespace ZoomQos.Contracts.Values;

/// <summary>
/// A value that Zoom sends as text with a unit. Implementations keep the raw text so that writing a
/// value back produces exactly what was read, and never throw on odd input.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
public interface IQosValue<TSelf>
    where TSelf : struct, IQosValue<TSelf>
{
    /// <summary>The text exactly as it was read, or <see langword="null"/> when absent.</summary>
    string? Raw { get; }

    /// <summary>Whether the raw text is a JSON literal (a number, say) rather than the contents of a JSON string.</summary>
    bool RawIsJsonLiteral { get; }

    /// <summary>Absent, idle, parsed or unparseable.</summary>
    QosValueState State { get; }

    /// <summary>Parses the contents of a JSON string; <see langword="null"/> gives an absent value. Never throws.</summary>
    /// <param name="raw">The text Zoom sent.</param>
    static abstract TSelf Parse(string? raw);

    /// <summary>Parses a JSON literal that is not a string (a number where Zoom usually sends text). Never throws.</summary>
    /// <param name="json">The literal's JSON text.</param>
    static abstract TSelf ParseJsonLiteral(string json);
}
