namespace ZoomQos.Contracts.Serialization;

/// <summary>An NDJSON input larger than the limit it was read with.</summary>
public sealed class NdjsonTooLargeException : IOException
{
    /// <summary>Creates the exception.</summary>
    public NdjsonTooLargeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public NdjsonTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NdjsonTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a limit.</summary>
    /// <param name="limit">The limit in bytes.</param>
    public NdjsonTooLargeException(long limit)
        : base($"The body is larger than {limit} bytes.")
    {
        Limit = limit;
    }

    /// <summary>The limit in bytes.</summary>
    public long Limit { get; }
}
