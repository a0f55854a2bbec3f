using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ZoomQos.Analysis;
using ZoomQos.Analysis.Live;

namespace ZoomQos.Cli.Services;

/// <summary>
/// <c>watch --metrics-port N</c>: the live webinar's figures of the last poll as Prometheus gauges at
/// <c>http://127.0.0.1:N/metrics</c> (OpenTelemetry's Prometheus HttpListener exporter), so that a Grafana panel can
/// chart a live webinar: sessions, poor now, poor now by cause, the sessions' MOS p10, polls and the last poll's time.
/// Loopback only: nothing else binds it.
/// </summary>
internal sealed class WatchMetrics : IDisposable
{
    public const string MeterName = "ZoomQos.Watch";

    private readonly Meter _meter;
    private readonly Counter<long> _polls;
    private readonly KeyValuePair<string, object?> _webinar;
    private readonly MeterProvider _provider;
    private LivePoll? _last;

    private WatchMetrics(int port, string webinarId)
    {
        // The listener first: when the port cannot be had, nothing else was made.
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("zoomqos-watch"))
            .AddMeter(MeterName)
            .AddPrometheusHttpListener(listener => (listener.Host, listener.Port) = (IPAddress.Loopback.ToString(), port))
            .Build();
        _meter = new Meter(MeterName);
        _webinar = new("webinar_id", webinarId);
        _polls = _meter.CreateCounter<long>("zoomqos.watch.polls", "{poll}", "Polls of the live webinar.");
        Gauge("zoomqos.watch.sessions", "{session}", "Sessions in the last poll.", a => [new(a.Participants, _webinar)]);
        Gauge("zoomqos.watch.poor_now", "{session}", "Sessions poor now (on their last minutes).", a => [new(Poor(a).Count(), _webinar)]);
        Gauge("zoomqos.watch.poor_by_cause", "{session}", "Sessions poor now, by their most likely cause (none: no cause found).", a =>
            [.. Poor(a).GroupBy(p => p.Causes.Count > 0 ? p.Causes[0].Kind.Name : "none").Select(g => new Measurement<double>(g.Count(), _webinar, new("cause", g.Key)))]);
        Gauge("zoomqos.watch.mos_p10", "{mos}", "The 10th percentile of the sessions' MOS p10 (E-model estimate).", a =>
            a.SessionsMosP10() is { } mos ? [new(mos, _webinar)] : []);
        _meter.CreateObservableGauge("zoomqos.watch.last_poll", () => Volatile.Read(ref _last) is { } poll ? [new Measurement<double>(poll.At.ToUnixTimeSeconds(), _webinar)] : Array.Empty<Measurement<double>>(), "s", "When the last poll was judged (Unix seconds).");
    }

    /// <summary>Starts serving; a port that cannot be had is a usage error in one line.</summary>
    public static WatchMetrics Start(int port, string webinarId)
    {
        if (port is < 1 or > 65535)
        {
            throw new CliUsageException($"--metrics-port must be a port from 1 to 65535, not {port}.");
        }

        try
        {
            return new WatchMetrics(port, webinarId);
        }
        catch (Exception ex) when (ex is HttpListenerException or InvalidOperationException)
        {
            // The exporter wraps the listener's failure (most often: the port is taken) in an InvalidOperationException.
            throw new CliFailureException($"--metrics-port {port}: cannot listen on 127.0.0.1:{port} (is it in use?).", ex);
        }
    }

    /// <summary>Where Prometheus scrapes.</summary>
    public static Uri Address(int port) => new($"http://127.0.0.1:{port}/metrics");

    /// <summary>The figures of a new poll, served from now on.</summary>
    public void Record(LivePoll poll)
    {
        Volatile.Write(ref _last, poll);
        _polls.Add(1, _webinar);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _meter.Dispose();
    }

    private static IEnumerable<ParticipantAnalysis> Poor(WebinarAnalysis analysis) => analysis.ParticipantResults.Where(p => p.Verdict == ParticipantVerdict.Poor);

    private void Gauge(string name, string unit, string description, Func<WebinarAnalysis, Measurement<double>[]> measure) =>
        _meter.CreateObservableGauge(name, () => Volatile.Read(ref _last) is { } poll ? measure(poll.Analysis) : [], unit, description);
}
