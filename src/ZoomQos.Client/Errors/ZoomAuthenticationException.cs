namespace ZoomQos.Client.Errors;

/// <summary>The token URL refused the credentials; the message names the account and client, never the secret.</summary>
public sealed class ZoomAuthenticationException : ZoomApiException
{
    /// <summary>Creates the exception.</summary>
    public ZoomAuthenticationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and what to check.</param>
    public ZoomAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and what to check.</param>
    /// <param name="innerException">The cause.</param>
    public ZoomAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and what to check.</param>
    /// <param name="status">The HTTP status of the token URL.</param>
    public ZoomAuthenticationException(string message, int status)
        : base(message, status, 124, null, null, null, "POST", "/oauth/token")
    {
    }
}
