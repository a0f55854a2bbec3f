using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ZoomQos.Client.Http;

/// <summary>
/// The client's logs, traces and metrics: an <see cref="ActivitySource"/> and a <see cref="Meter"/> named
/// <c>ZoomQos.Client</c> (requests, retries, 429s, time waited, remaining quota). Paths are logged without
/// their query, and no header, so neither a token nor a page token reaches a log.
/// </summary>
internal static partial class ClientTelemetry
{
    public const string Name = "ZoomQos.Client";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("zoomqos.client.requests", description: "HTTP attempts sent, by status.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("zoomqos.client.retries", description: "Attempts retried.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("zoomqos.client.rate_limited", description: "429 responses received.");

    public static readonly Histogram<double> Waited = Meter.CreateHistogram<double>("zoomqos.client.waited", unit: "s", description: "Time waited before a retry.");

    public static readonly Histogram<long> RemainingQuota = Meter.CreateHistogram<long>("zoomqos.client.quota_remaining", description: "X-RateLimit-Remaining as Zoom reported it.");

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Method} {Path} -> {Status} in {ElapsedMs:0.0} ms ({TrackingId})")]
    public static partial void Attempt(ILogger logger, string method, string path, int status, double elapsedMs, string? trackingId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Retrying {Method} {Path} (attempt {Attempt}) after {Outcome}; waiting {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, string outcome, double delayMs);
}
