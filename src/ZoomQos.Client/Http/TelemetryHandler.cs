using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ZoomQos.Client.Http;

/// <summary>One activity, one log line and the request metrics per attempt.</summary>
internal sealed class TelemetryHandler(ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        using var activity = ClientTelemetry.Source.StartActivity(request.Method.Method + " " + path, ActivityKind.Client);
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        var trackingId = response.Headers.TryGetValues("x-zm-trackingid", out var ids) ? ids.FirstOrDefault() : null;
        activity?.SetTag("http.response.status_code", status);
        activity?.SetTag("zoom.tracking_id", trackingId);
        ClientTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("status", status));
        if (status == 429)
        {
            ClientTelemetry.RateLimited.Add(1);
        }

        if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining)
            && long.TryParse(remaining.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var left))
        {
            ClientTelemetry.RemainingQuota.Record(left);
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ClientTelemetry.Attempt(logger, request.Method.Method, path, status, elapsedMs, trackingId);

        return response;
    }
}
