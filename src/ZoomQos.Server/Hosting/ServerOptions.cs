using ZoomQos.Server.Faults;
using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Hosting;

/// <summary>Everything <c>zoomqos serve</c> can be told. Defaults are safe: loopback, limits on, 12-month retention.</summary>
public sealed record ServerOptions
{
    /// <summary>Where to listen. Loopback unless told otherwise; port 0 picks a free one.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>The store: <c>sqlite:PATH</c>.</summary>
    public string Store { get; init; } = "sqlite:zoomqos.db";

    /// <summary>Seeds the demo data set (<c>--seed demo</c>) around the current time.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>How much faster than real time the demo's live webinar accrues minutes.</summary>
    public double DemoTimeScale { get; init; } = 1;

    /// <summary>Whether Zoom's rate limits are enforced (<c>--no-rate-limit</c> turns them off).</summary>
    public bool RateLimits { get; init; } = true;

    /// <summary>The form of <c>Retry-After</c> on a 429.</summary>
    public RetryAfterFormat RetryAfter { get; init; } = RetryAfterFormat.Iso8601;

    /// <summary>Injected faults, off unless given.</summary>
    public FaultSpec Faults { get; init; } = FaultSpec.None;

    /// <summary>Months after which an ended webinar answers 12702; 0 keeps everything (an archive).</summary>
    public int RetentionMonths { get; init; } = 12;

    /// <summary>The key that signs access and page tokens, shared by every node; random per process when empty.</summary>
    public byte[] SigningKey { get; init; } = [];

    /// <summary>The largest ingestion body accepted, in bytes.</summary>
    public long MaxIngestBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// How many list-participant pages are read and written at once (each holds about 900 KB until it is sent); more
    /// requests wait their turn. Bounds the server's memory under any number of connections; 4 per processor by
    /// default (docs/decisions/0012).
    /// </summary>
    public int MaxPagesInFlight { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// How many bytes of encoded list pages of ended instances are kept to be sent again (each page keyed by the
    /// instance's revision, so a merge into it makes its pages stale in any process); zero keeps none. 128 MB by
    /// default: the demo all-hands' 101 pages are 92 MB (docs/decisions/0023). They are kept in files, in a folder of
    /// the server's own in <see cref="PageCacheFolder"/>, not on the heap.
    /// </summary>
    public long PageCacheBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Where the kept pages' folder is made; the system's temporary folder when null.</summary>
    public string? PageCacheFolder { get; init; }

    /// <summary>
    /// How often memory freed by native code (SQLite, the JIT, OpenSSL) is given back to the system, on Linux with
    /// glibc; zero turns it off (docs/decisions/0013).
    /// </summary>
    public TimeSpan NativeMemoryTrimInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The secret token of the Zoom app whose QoS Subscription webhooks <c>POST /webhooks/zoom</c> receives (every request
    /// is verified with it); without one the endpoint receives nothing.
    /// </summary>
    public string? WebhookSecretToken { get; init; }

    /// <summary>
    /// With the demo seeded and a secret token: where the emulator sends the live webinar's QSS events (a per-minute event
    /// per participant, a summary when one leaves), signed with <see cref="WebhookSecretToken"/>.
    /// </summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>
    /// The bearer token a Prometheus scrape of <c>/metrics</c> must send; without one, <c>/metrics</c> answers loopback
    /// callers only.
    /// </summary>
    public string? MetricsToken { get; init; }

    /// <summary>Further meters to export beside the server's own (the archive sync's, when the CLI hosts it).</summary>
    public IReadOnlyList<string> ExtraMeters { get; init; } = [];

    /// <summary>The clock; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// A Redis server (StackExchange.Redis configuration, e.g. <c>127.0.0.1:6379</c>) holding the rate-limit
    /// counters that every node shares; null keeps them in this process.
    /// </summary>
    public string? Redis { get; init; }

    /// <summary>
    /// Adds services hosted beside the API (the archive's sync, with an <see cref="IHealthSection"/> for <c>/health</c>);
    /// they see the server's store, clock and logging.
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// Adds middleware and endpoints beside the API (the dashboard), after the server's own middleware and before its
    /// routes are mapped.
    /// </summary>
    public Action<Microsoft.AspNetCore.Builder.WebApplication>? ConfigureApp { get; init; }
}
