namespace ZoomQos.Storage;

/// <summary>A write that would take over data owned by another account or webinar.</summary>
public sealed class QosStoreConflictException : QosStoreException
{
    /// <summary>Creates the exception.</summary>
    public QosStoreConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicts.</param>
    public QosStoreConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicts.</param>
    /// <param name="innerException">The cause.</param>
    public QosStoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
