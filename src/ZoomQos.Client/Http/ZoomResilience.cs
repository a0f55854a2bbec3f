using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using ZoomQos.Client.Errors;

namespace ZoomQos.Client.Http;

/// <summary>
/// The retry pipeline (Polly through Microsoft.Extensions.Http.Resilience; no hand-written loop): network
/// errors, timeouts, 5xx, 408 and 429 are retried with jittered exponential backoff; a 429 waits for its
/// Retry-After in any form, or backs off when there is none; a daily-limit 429 resetting beyond the maximum
/// wait is not retried; other 4xx never are.
/// </summary>
internal static class ZoomResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(ZoomQosClientOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        Configure(builder, options, logger);
        return builder.Build();
    }

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ZoomQosClientOptions options, ILogger logger)
    {
        var time = options.TimeProvider;
        builder.TimeProvider = time;
        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = false, // Zoom's Retry-After is ISO-8601, which Polly does not read: see DelayGenerator
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time.GetUtcNow())),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Outcome.Result, time.GetUtcNow())),
                OnRetry = args =>
                {
                    ClientTelemetry.Retries.Add(1);
                    ClientTelemetry.Waited.Record(args.RetryDelay.TotalSeconds);
                    var request = args.Outcome.Result?.RequestMessage;
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    ClientTelemetry.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", args.AttemptNumber + 1, outcome, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ZoomQosClientOptions options, DateTimeOffset now)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var info = RateLimitInfo.From(response.Headers, now);
            return !(info.RetryAt is { } at && at - now > options.MaxRateLimitWait);
        }

        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
    }

    private static TimeSpan? RateLimitDelay(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null; // the strategy's own jittered backoff
        }

        var at = RateLimitInfo.From(response.Headers, now).RetryAt;
        return at is { } retryAt ? (retryAt > now ? retryAt - now : TimeSpan.Zero) + TimeSpan.FromMilliseconds(50) : null;
    }
}
