using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>
/// Who gets in, and what leaks: every route without a valid token, every route with the wrong scope, every pair of
/// demo accounts, and the logs of a whole run searched for secrets and tokens.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class SecurityTests(DemoServer demo)
{
    // Open by design: the token endpoint and the health checks; and the QSS webhook receiver, which takes no bearer token but
    // Zoom's signature (WebhookReceiverTests: every unsigned, forged or stale request is a 401); and the Prometheus scrape,
    // which answers loopback callers only, or only its own bearer when one is set (MetricsTests). Every other route is swept below.
    private static readonly string[] Anonymous = ["/oauth/token", "/health", "/alive", "/webhooks/zoom", "/metrics"];

    // A value for each route parameter, so that each mapped route can be called.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["webinarId"] = "81234567890",
        ["meetingId"] = "85234567890",
        ["accountId"] = "demo",
        ["participantId"] = "16778240",
        ["uuid"] = "security-instance",
        ["documentName"] = "v1",
    };

    /// <summary>Every route the server maps (its EndpointDataSource), but the open ones: a new route is in the sweep by being mapped.</summary>
    private IReadOnlyList<(HttpMethod Method, string Path, bool Write)> Routes =>
    [
        .. demo.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !Anonymous.Contains(e.RoutePattern.RawText?.TrimEnd('/'), StringComparer.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (
                new HttpMethod(method),
                Concrete(e.RoutePattern) + (e.RoutePattern.RawText!.StartsWith("/v2/metrics", StringComparison.Ordinal) ? "?type=past" : string.Empty),
                method != "GET")))
            .Distinct(),
    ];

    [Fact]
    public void The_sweep_covers_every_mapped_route_and_the_open_ones_are_only_the_token_endpoint_health_the_signed_webhook_receiver_and_the_scrape()
    {
        var patterns = demo.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText!.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(patterns, Anonymous.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(patterns.Count - Anonymous.Length, Routes.Select(r => r.Path).Distinct().Count());
        Assert.Contains(Routes, r => r.Write);
        Assert.Contains(Routes, r => r.Path.StartsWith("/openapi/", StringComparison.Ordinal));
    }

    private static string Concrete(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Samples[parameter.Name],
            _ => string.Empty,
        }))));

    [Fact]
    public async Task Nothing_but_the_token_endpoint_and_the_health_checks_answers_without_a_valid_token()
    {
        string?[] tokens = [null, "", "not-a-token", "eyJhbGciOiJub25lIn0.eyJhIjoiZGVtbyJ9.", (await demo.Api.TokenAsync()) + "x"];
        foreach (var (method, path, _) in Routes)
        {
            foreach (var token in tokens)
            {
                var answer = await demo.Api.SendAsync(method, path, token, method == HttpMethod.Get ? null : new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.True(answer.Status == HttpStatusCode.Unauthorized && answer.Code == 124, $"{method} {path} with '{token}': {(int)answer.Status} {answer.Code}");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await demo.Api.GetAsync("/health", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await demo.Api.GetAsync("/alive", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await demo.Api.OAuthAsync("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "demo-client-secret")).Status);
    }

    [Fact]
    public async Task Every_route_enforces_its_scopes()
    {
        var noScope = await demo.Api.TokenAsync("demo-noscope-client-id", "demo-noscope-client-secret");
        var writeOnly = await demo.Api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");
        var readOnly = await demo.Api.TokenAsync();
        foreach (var (method, path, write) in Routes.Where(r => r.Path.StartsWith("/v2", StringComparison.Ordinal)))
        {
            foreach (var token in write ? new[] { noScope, readOnly } : [noScope, writeOnly])
            {
                var answer = await demo.Api.SendAsync(method, path, token, method == HttpMethod.Get ? null : new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.True(answer.Status == HttpStatusCode.BadRequest && answer.Code == 4711, $"{method} {path}: {(int)answer.Status} {answer.Code}");
            }
        }
    }

    [Fact]
    public async Task Every_pair_of_demo_accounts_is_isolated_and_a_foreign_webinar_looks_unknown()
    {
        var demoToken = await demo.Api.TokenAsync();
        var hipaaToken = await demo.Api.TokenAsync("demo-hipaa-client-id", "demo-hipaa-client-secret", "demo-hipaa");
        var proToken = await demo.Api.TokenAsync("demo-pro-client-id", "demo-pro-client-secret", "demo-pro");
        (string Account, string Token, string Foreign)[] pairs =
        [
            ("demo", demoToken, "82234567890"),
            ("demo-hipaa", hipaaToken, "81234567890"),
            ("demo-hipaa", hipaaToken, "81234567894"),
            ("demo-pro", proToken, "82234567890"),
            ("demo-hipaa", hipaaToken, "85234567890"), // demo's meeting
        ];
        foreach (var (account, token, foreign) in pairs)
        {
            foreach (var path in new[] { "/v2/metrics/webinars/{0}/participants/qos?type=past", "/v2/metrics/webinars/{0}/participants/16778240/qos?type=past", "/v2/metrics/meetings/{0}/participants/qos?type=past", "/v2/metrics/meetings/{0}/participants/16778240/qos?type=past" })
            {
                var theirs = await demo.Api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, foreign), token);
                var nobodys = await demo.Api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, "89999999999"), token);
                Assert.True(theirs.Status == nobodys.Status && theirs.Code == nobodys.Code && theirs.Text == nobodys.Text, $"{account} reading {foreign}: {(int)theirs.Status} {theirs.Text} vs unknown {(int)nobodys.Status} {nobodys.Text}");
                Assert.NotEqual(HttpStatusCode.OK, theirs.Status);
            }

            var listed = await demo.Api.GetAsync("/v2/metrics/webinars?type=live", token);
            var meetings = await demo.Api.GetAsync("/v2/metrics/meetings?type=live", token);
            Assert.DoesNotContain(foreign, listed.Text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(foreign, meetings.Text ?? string.Empty, StringComparison.Ordinal);
        }

        // Writes: demo's ingestion app cannot touch demo-hipaa's instance.
        var ingest = await demo.Api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");
        var hipaaUuid = (await demo.Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos?type=past&page_size=1", hipaaToken)).Status == HttpStatusCode.OK;
        Assert.True(hipaaUuid);
        var before = (await demo.Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos?type=past&page_size=10", hipaaToken)).Text;
        var write = await demo.Api.SendAsync(HttpMethod.Put, "/v2/ingest/instances/x", ingest, new StringContent("""{"webinar_id":82234567890,"start_time":"2026-11-20T10:00:00Z"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, write.Status);
        Assert.Equal(before, (await demo.Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos?type=past&page_size=10", hipaaToken)).Text);
    }

    [Fact]
    public async Task A_whole_run_logs_no_secret_and_no_token()
    {
        var lines = new ConcurrentQueue<string>();
        var server = await ZoomQosServer.StartAsync(
            new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + Path.Combine(Path.GetTempPath(), "zoomqos-logs-" + Guid.NewGuid().ToString("N") + ".db"), SeedDemo = true, RateLimits = true, TimeProvider = demo.Time },
            logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(lines)));
        await using (server)
        {
            using var api = new ZoomApi(server.BaseAddress);
            var token = await api.TokenAsync();
            var ingest = await api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");
            var answers = new List<string?>
            {
                (await api.OAuthAsync("/oauth/token?grant_type=account_credentials&account_id=demo", "demo-client-id", "wrong-secret-7d1e")).Text,
                (await api.GetAsync("/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10", token)).Text,
                (await api.GetAsync("/v2/metrics/webinars/81234567890/participants/qos?type=past&next_page_token=tampered", token)).Text,
                (await api.GetAsync("/v2/metrics/webinars/99999999999/participants/qos?type=past", token)).Text,
                (await api.GetAsync("/v2/metrics/webinars/81234567890/participants/qos?type=past", token + "x")).Text,
                (await api.SendAsync(HttpMethod.Post, "/v2/ingest/instances/none/participants", ingest, new StringContent("not json"))).Text,
            };

            var secrets = new[] { "demo-client-secret", "wrong-secret-7d1e", "demo-ingest-client-secret", token, ingest, token[..20] };
            var logged = string.Join('\n', lines);
            Assert.True(lines.Count > 10, $"only {lines.Count} log lines captured");
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
                Assert.All(answers, a => Assert.DoesNotContain(secret, a ?? string.Empty, StringComparison.Ordinal));
            }

            Assert.DoesNotContain("Bearer ", logged, StringComparison.Ordinal);
            Assert.DoesNotContain("Basic ", logged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_server_binds_loopback_unless_told_otherwise() =>
        Assert.StartsWith("http://127.0.0.1:", new ServerOptions().Urls, StringComparison.Ordinal);

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception} {(state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty)}");
            }
        }
    }
}
