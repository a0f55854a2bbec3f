namespace ZoomQos.Server.RateLimiting;

/// <summary>How the server writes <c>Retry-After</c> on a 429: Zoom sends ISO-8601; the others test clients.</summary>
public enum RetryAfterFormat
{
    /// <summary>An ISO-8601 UTC timestamp, as Zoom sends it.</summary>
    Iso8601,

    /// <summary>Delta seconds.</summary>
    Seconds,

    /// <summary>An RFC 7231 HTTP-date.</summary>
    HttpDate,

    /// <summary>No <c>Retry-After</c> header at all.</summary>
    None,
}
