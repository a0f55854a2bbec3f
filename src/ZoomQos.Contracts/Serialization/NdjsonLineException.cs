namespace ZoomQos.Contracts.Serialization;

/// <summary>A line of an NDJSON input that is not one participant object; the message names the line.</summary>
public sealed class NdjsonLineException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public NdjsonLineException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public NdjsonLineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NdjsonLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a line.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="reason">What is wrong with it.</param>
    public NdjsonLineException(long line, string reason)
        : base($"line {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    /// <summary>The 1-based line number.</summary>
    public long Line { get; }

    /// <summary>What is wrong with the line.</summary>
    public string? Reason { get; }
}
