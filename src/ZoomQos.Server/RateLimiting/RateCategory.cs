namespace ZoomQos.Server.RateLimiting;

/// <summary>Zoom's rate-limit label of an endpoint.</summary>
public enum RateCategory
{
    /// <summary>Heavy: the QoS endpoints.</summary>
    Heavy,

    /// <summary>Resource-intensive: the list of webinars.</summary>
    ResourceIntensive,
}
