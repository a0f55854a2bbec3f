using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ZoomQos.Server.Hosting;

/// <summary>
/// Puts <c>x-zm-trackingid</c> on every response, as Zoom does, and logs one structured line per request:
/// method, path, status, time and tracking id. Headers and query strings are never logged, so neither a
/// bearer token, a client secret nor a page token reaches a log.
/// </summary>
internal sealed partial class TrackingAndLogging(RequestDelegate next, ILogger<TrackingAndLogging> logger)
{
    public const string Header = "x-zm-trackingid";

    public async Task InvokeAsync(HttpContext http)
    {
        var trackingId = "v=2.0;clid=zqos;rid=WEB_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers[Header] = trackingId;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = trackingId; // survives anything that cleared the headers
            return Task.CompletedTask;
        });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var path = http.Request.Path.Value ?? string.Empty;
            LogRequest(logger, http.Request.Method, path, http.Response.StatusCode, elapsedMs, trackingId);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {ElapsedMs:0.0} ms ({TrackingId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, string trackingId);
}
