namespace ZoomQos.Server.Faults;

/// <summary>The faults the server can inject.</summary>
public enum FaultKind
{
    /// <summary>A 429 with Zoom's headers.</summary>
    TooManyRequests,

    /// <summary>A 429 for the daily limit, with Zoom's headers and a Retry-After at the next 00:00 UTC.</summary>
    TooManyRequestsDaily,

    /// <summary>A 429 with no rate-limit headers and no Retry-After.</summary>
    TooManyRequestsBare,

    /// <summary>A 500.</summary>
    InternalError,

    /// <summary>A 502.</summary>
    BadGateway,

    /// <summary>A 503.</summary>
    Unavailable,

    /// <summary>The connection is aborted without a response.</summary>
    Reset,

    /// <summary>The response is delayed.</summary>
    Delay,
}
