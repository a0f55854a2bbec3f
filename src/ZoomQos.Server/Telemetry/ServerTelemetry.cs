using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: its own meter (<see cref="ServerMetrics"/>), ASP.NET Core's, HttpClient's and the
/// runtime's, scraped by Prometheus at <c>/metrics</c>; spans for each request and its store calls; OTLP export of
/// both when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (docs/OBSERVABILITY.md).
/// </summary>
internal static class ServerTelemetry
{
    public const string MetricsPath = "/metrics";

    public static void AddServerTelemetry(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton<ServerMetrics>();
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("zoomqos", serviceVersion: typeof(ServerTelemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(ServerMetrics.MeterName)
                .AddMeter(options.ExtraMeters.ToArray())
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 })
        {
            // Spans are made only when someone receives them: without OTLP, no listener, and a request pays nothing.
            otel.WithTracing(tracing => tracing
                    .AddSource(ZoomQos.Storage.Sql.StoreActivities.SourceName, "Npgsql")
                    .AddAspNetCoreInstrumentation(asp => asp.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }
    }

    /// <summary>
    /// <c>/metrics</c>, in Prometheus text format: answered to a loopback caller, or, when a metrics token is set, only
    /// to a caller that sends it as a bearer (from anywhere). Everyone else gets 403 (401 without the token).
    /// </summary>
    public static void MapServerMetrics(this WebApplication app, ServerOptions options)
    {
        _ = app.Services.GetRequiredService<ServerMetrics>(); // its instruments exist from the start, at zero
        var token = options.MetricsToken is { Length: > 0 } secret ? Encoding.UTF8.GetBytes("Bearer " + secret) : null;
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal) && MayScrape(http, token) is int refused)
            {
                http.Response.StatusCode = refused;
                return;
            }

            await next(http);
        });
        app.MapPrometheusScrapingEndpoint(MetricsPath).DisableHttpMetrics();
    }

    /// <summary>Null when the caller may scrape; else the status to refuse with.</summary>
    internal static int? MayScrape(HttpContext http, byte[]? token)
    {
        if (token is null)
        {
            return http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) ? null : StatusCodes.Status403Forbidden;
        }

        var sent = http.Request.Headers.Authorization.Count == 1 ? Encoding.UTF8.GetBytes(http.Request.Headers.Authorization[0] ?? string.Empty) : [];
        return CryptographicOperations.FixedTimeEquals(sent, token) ? null : StatusCodes.Status401Unauthorized;
    }
}
