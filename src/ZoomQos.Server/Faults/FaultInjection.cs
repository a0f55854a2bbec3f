using Microsoft.AspNetCore.Http;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.RateLimiting;
using ZoomQos.Server.Telemetry;

namespace ZoomQos.Server.Faults;

/// <summary>
/// Turns a share of Zoom API responses (<c>/v2/…</c>) into the faults of <c>--faults</c>: 429s with or without
/// their headers, 5xx, connection resets and delays. OAuth and health stay clean. Off unless configured.
/// </summary>
internal sealed class FaultInjection(RequestDelegate next, ServerOptions options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!options.Faults.Any || !http.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var roll = Random.Shared.NextDouble() * 100;
        foreach (var share in options.Faults.Shares.Where(s => s.Kind == FaultKind.Delay))
        {
            if (Random.Shared.NextDouble() * 100 < share.Percent)
            {
                await Task.Delay(share.Delay, options.TimeProvider, http.RequestAborted);
            }
        }

        foreach (var share in options.Faults.Shares.Where(s => s.Kind != FaultKind.Delay))
        {
            if (roll >= share.Percent)
            {
                roll -= share.Percent;
                continue;
            }

            // An injected 429 is counted as the limiter's are (source "injected"), so that a scrape shows each one.
            if (share.Kind is FaultKind.TooManyRequests or FaultKind.TooManyRequestsDaily or FaultKind.TooManyRequestsBare)
            {
                http.Metrics().RateLimited(RateCategory.Heavy, share.Kind == FaultKind.TooManyRequestsDaily, injected: true);
            }

            switch (share.Kind)
            {
                case FaultKind.Reset:
                    http.Abort();
                    return;
                case FaultKind.TooManyRequests:
                    http.Response.Headers["X-RateLimit-Category"] = "Heavy";
                    http.Response.Headers["X-RateLimit-Type"] = "QPS";
                    http.Response.Headers["X-RateLimit-Limit"] = "40";
                    http.Response.Headers["X-RateLimit-Remaining"] = "0";
                    RetryAfter.Write(http.Response, options.TimeProvider.GetUtcNow().AddSeconds(1), options.RetryAfter, options.TimeProvider);
                    await ZoomErrors.PerSecondLimit().ExecuteAsync(http);
                    return;
                case FaultKind.TooManyRequestsDaily:
                    var now = options.TimeProvider.GetUtcNow();
                    http.Response.Headers["X-RateLimit-Category"] = "Heavy";
                    http.Response.Headers["X-RateLimit-Type"] = "Daily-limit";
                    http.Response.Headers["X-RateLimit-Limit"] = "60000";
                    http.Response.Headers["X-RateLimit-Remaining"] = "0";
                    RetryAfter.Write(http.Response, new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero), options.RetryAfter, options.TimeProvider);
                    await ZoomErrors.DailyLimit().ExecuteAsync(http);
                    return;
                case FaultKind.TooManyRequestsBare:
                    await ZoomErrors.PerSecondLimit().ExecuteAsync(http);
                    return;
                case FaultKind.InternalError:
                    await ZoomErrors.ServerFault(500).ExecuteAsync(http);
                    return;
                case FaultKind.BadGateway:
                    await ZoomErrors.ServerFault(502).ExecuteAsync(http);
                    return;
                default:
                    await ZoomErrors.ServerFault(503).ExecuteAsync(http);
                    return;
            }
        }

        await next(http);
    }
}
