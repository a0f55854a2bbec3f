namespace ZoomQos.Client.Errors;

/// <summary>
/// A Zoom API call that failed: the HTTP status, Zoom's code and message, the tracking id, the rate-limit
/// headers, and the method and path (never a token or a secret). The message says what to do about it.
/// </summary>
public class ZoomApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZoomApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public ZoomApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public ZoomApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with every detail of the failed response.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">Zoom's error code, when the body had one.</param>
    /// <param name="zoomMessage">Zoom's message, when the body had one.</param>
    /// <param name="trackingId">The <c>x-zm-trackingid</c> header, for Zoom support.</param>
    /// <param name="rateLimit">The rate-limit headers.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path (no query: page tokens stay out of messages).</param>
    public ZoomApiException(string message, int status, int? code, string? zoomMessage, string? trackingId, RateLimitInfo? rateLimit, string? method, string? path)
        : base(message)
    {
        Status = status;
        Code = code;
        ZoomMessage = zoomMessage;
        TrackingId = trackingId;
        RateLimit = rateLimit;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>Zoom's error code (3001, 12702, 300, 200, 124, 4711, 429).</summary>
    public int? Code { get; }

    /// <summary>Zoom's own message.</summary>
    public string? ZoomMessage { get; }

    /// <summary>The <c>x-zm-trackingid</c> header.</summary>
    public string? TrackingId { get; }

    /// <summary>The rate-limit headers of the response.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The request method.</summary>
    public string? Method { get; }

    /// <summary>The request path, without the query.</summary>
    public string? Path { get; }
}
