using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Client.Tests;

/// <summary>The meter is process-wide, so this class runs alone: no other test's requests are counted.</summary>
[Collection(nameof(ClientTelemetryTests))]
public class ClientTelemetryTests
{
    [Fact]
    public async Task Retries_and_429s_are_counted_and_logged_without_the_token_or_page_token()
    {
        var calls = 0;
        using var stub = new StubHandler(request =>
        {
            var call = Interlocked.Increment(ref calls);
            if (call == 1)
            {
                var limited = StubHandler.Json("""{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""", HttpStatusCode.TooManyRequests);
                limited.Headers.Add("Retry-After", "0");
                return limited;
            }

            return call == 2
                ? StubHandler.Json("""{"code":503,"message":"down"}""", HttpStatusCode.ServiceUnavailable)
                : StubHandler.Json("""{"total_records":1,"next_page_token":"","participants":[{"user_id":"1"}]}""");
        });
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ZoomQos.Client")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = new ZoomQosClient(
            new StaticTokenCredential("secret-bearer-token-value"),
            new ZoomQosClientOptions { BaseUri = new Uri("https://api.zoom.test/v2"), Transport = stub, RetryBaseDelay = TimeSpan.FromMilliseconds(1), LoggerFactory = loggerFactory, RatePlan = null });

        var participants = await client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).ToListAsync();

        Assert.Single(participants);
        Assert.Equal(3, measured["zoomqos.client.requests"]);
        Assert.Equal(2, measured["zoomqos.client.retries"]);
        Assert.Equal(1, measured["zoomqos.client.rate_limited"]);
        Assert.Contains(logs.Lines, l => l.Contains("Retrying GET /v2/metrics/webinars/81234567890/participants/qos", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("secret-bearer-token-value", StringComparison.Ordinal) || l.Contains("page_size", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Lines)
                {
                    owner.Lines.Add(formatter(state, exception));
                }
            }
        }
    }
}

[CollectionDefinition(nameof(ClientTelemetryTests), DisableParallelization = true)]
public sealed class ClientTelemetryRunsAlone;
