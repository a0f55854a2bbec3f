namespace ZoomQos.Client.Errors;

/// <summary>A 429 the client would not (daily quota resetting beyond the maximum wait) or could no longer wait out.</summary>
public sealed class ZoomRateLimitExceededException : ZoomApiException
{
    /// <summary>Creates the exception.</summary>
    public ZoomRateLimitExceededException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public ZoomRateLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ZoomRateLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the response's details.</summary>
    /// <param name="message">What happened and when to try again.</param>
    /// <param name="trackingId">The tracking id.</param>
    /// <param name="rateLimit">The rate-limit headers.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    public ZoomRateLimitExceededException(string message, string? trackingId, RateLimitInfo rateLimit, string? method, string? path)
        : base(message, 429, 429, null, trackingId, rateLimit, method, path)
    {
    }
}
