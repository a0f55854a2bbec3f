using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Server.Qos;
using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Telemetry;

/// <summary>
/// The server's own meter, <c>ZoomQos.Server</c>: what it served and what it refused, one instrument per fact, each
/// counted where the fact happens. Prometheus sees them as <c>zoomqos_server_…</c> (docs/OBSERVABILITY.md).
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "ZoomQos.Server";

    private readonly Counter<long> _pages;
    private readonly Counter<long> _rows;
    private readonly Counter<long> _rateRejections;
    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _tokensRefused;
    private readonly Counter<long> _merges;
    private readonly Counter<long> _linesRefused;
    private readonly Counter<long> _pageTokensRefused;

    public ServerMetrics(IMeterFactory meters, PageSlots slots)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _pages = meter.CreateCounter<long>("zoomqos.server.pages", "{page}", "List pages served, by endpoint (the operation id).");
        _rows = meter.CreateCounter<long>("zoomqos.server.rows", "{row}", "Rows (sessions, participants, instances) read for the pages served, by endpoint.");
        _rateRejections = meter.CreateCounter<long>("zoomqos.server.rate_limit.rejections", "{request}", "Requests answered 429, by category (heavy, resource_intensive), kind (qps, daily) and source (limiter, injected).");
        _tokensIssued = meter.CreateCounter<long>("zoomqos.server.tokens.issued", "{token}", "OAuth access tokens issued.");
        _tokensRefused = meter.CreateCounter<long>("zoomqos.server.tokens.refused", "{request}", "OAuth token requests refused, by error (invalid_client, invalid_request, unsupported_grant_type).");
        _merges = meter.CreateCounter<long>("zoomqos.server.ingestion.merges", "{merge}", "Ingestion requests merged into the store.");
        _linesRefused = meter.CreateCounter<long>("zoomqos.server.ingestion.lines_refused", "{line}", "NDJSON lines the ingestion API refused.");
        _pageTokensRefused = meter.CreateCounter<long>("zoomqos.server.page_tokens.refused", "{request}", "Requests whose next_page_token was not one this server issued for that query.");
        meter.CreateObservableGauge("zoomqos.server.page_slots.in_use", () => slots.InFlight, "{page}", "List pages being read and written now (bounded by the page slots).");
    }

    public void PageServed(HttpContext http, int rows)
    {
        var endpoint = new KeyValuePair<string, object?>("endpoint", EndpointOf(http));
        _pages.Add(1, endpoint);
        _rows.Add(rows, endpoint);
    }

    public void RateLimited(RateCategory category, bool daily, bool injected) =>
        _rateRejections.Add(
            1,
            new("category", category == RateCategory.Heavy ? "heavy" : "resource_intensive"),
            new("kind", daily ? "daily" : "qps"),
            new("source", injected ? "injected" : "limiter"));

    public void TokenIssued() => _tokensIssued.Add(1);

    public void TokenRefused(string error) => _tokensRefused.Add(1, new KeyValuePair<string, object?>("error", error));

    public void Merged() => _merges.Add(1);

    public void LinesRefused(long lines)
    {
        if (lines > 0)
        {
            _linesRefused.Add(lines);
        }
    }

    public void PageTokenRefused(HttpContext http) => _pageTokensRefused.Add(1, new KeyValuePair<string, object?>("endpoint", EndpointOf(http)));

    private static string EndpointOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "other";
}

/// <summary>The request's <see cref="ServerMetrics"/>, for the handlers that count what they serve.</summary>
internal static class ServerMetricsAccess
{
    public static ServerMetrics Metrics(this HttpContext http) =>
        (ServerMetrics)http.RequestServices.GetService(typeof(ServerMetrics))!;
}
