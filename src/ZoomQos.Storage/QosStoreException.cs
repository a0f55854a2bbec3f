namespace ZoomQos.Storage;

/// <summary>A store operation that cannot be done as asked; the message says why and names no secret.</summary>
public class QosStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QosStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public QosStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public QosStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
