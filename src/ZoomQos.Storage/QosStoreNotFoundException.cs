namespace ZoomQos.Storage;

/// <summary>The account, webinar or instance an operation names does not exist.</summary>
public sealed class QosStoreNotFoundException : QosStoreException
{
    /// <summary>Creates the exception.</summary>
    public QosStoreNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not found.</param>
    public QosStoreNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="innerException">The cause.</param>
    public QosStoreNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
