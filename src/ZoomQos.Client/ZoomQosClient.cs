using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZoomQos.Client.Credentials;
using ZoomQos.Client.Errors;
using ZoomQos.Client.Http;
using ZoomQos.Client.Paging;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Client;

/// <summary>
/// ZoomQos.Client is the SDK for Zoom's webinar QoS API, against Zoom or a ZoomQos server alike: it walks every
/// page (page_size 10 unless hinted), parses every value into typed records, encodes identifiers as Zoom
/// requires, retries what can be retried (Polly), refreshes tokens, survives a page token expiring mid-walk,
/// and turns failures into <see cref="ZoomApiException"/>s that say what to do. Shaped after the Azure SDK:
/// one client, an options class, virtual members for mocking, pageables with <c>AsPages</c>.
/// </summary>
public partial class ZoomQosClient : IDisposable
{
    private const int MaxParticipantsPageSize = 10;
    private const int MaxWebinarsPageSize = 300;
    private const int MaxRestarts = 3;

    private readonly HttpClient _http = null!;
    private readonly bool _ownsHttp;
    private readonly ZoomQosClientOptions _options = new();

    /// <summary>Talks to Zoom with the given credential and default options.</summary>
    /// <param name="credential">Where tokens come from.</param>
    public ZoomQosClient(ZoomCredential credential)
        : this(credential, new ZoomQosClientOptions())
    {
    }

    /// <summary>Talks to Zoom (or <see cref="ZoomQosClientOptions.BaseUri"/>) with the given credential and options.</summary>
    /// <param name="credential">Where tokens come from.</param>
    /// <param name="options">Base URL, retries, clock.</param>
    public ZoomQosClient(ZoomCredential credential, ZoomQosClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        // Outside in: retries (Polly) -> the account's rate bucket, once per attempt -> bearer token -> transport.
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ZoomQosClient>();
        HttpMessageHandler inner = new BearerTokenHandler(credential)
        {
            InnerHandler = new TelemetryHandler(logger)
            {
                InnerHandler = options.Transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };
        if (options.RatePlan is { } plan)
        {
            inner = new RateGovernorHandler($"{options.BaseUri.Authority}|{credential.AccountId}", plan, options.TimeProvider) { InnerHandler = inner };
        }

        var handler = new ResilienceHandler(ZoomResilience.Build(options, logger)) { InnerHandler = inner };
        _http = Configure(new HttpClient(handler, disposeHandler: true), options);
        _ownsHttp = true;
    }

    /// <summary>Uses a caller's <see cref="HttpClient"/> (for example from IHttpClientFactory) that already authenticates and retries.</summary>
    /// <param name="httpClient">The client.</param>
    /// <param name="options">Base URL and clock.</param>
    public ZoomQosClient(HttpClient httpClient, ZoomQosClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options ?? new ZoomQosClientOptions();
        _http = Configure(httpClient, _options);
    }

    /// <summary>For mocking.</summary>
    protected ZoomQosClient()
    {
    }

    /// <summary>
    /// Every participant session's QoS of a webinar: <c>GET /metrics/webinars/{webinarId}/participants/qos</c>.
    /// A numeric ID means the latest instance (in progress for live, last ended for past); a UUID names one.
    /// </summary>
    /// <param name="webinarId">The webinar ID or instance UUID, as Zoom gives it (the client encodes it).</param>
    /// <param name="type">Live (Zoom's default) or past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantQos> GetWebinarParticipantsQosAsync(string webinarId, QosListType type = QosListType.Live, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webinarId);
        return GetParticipantsQosAsync(QosEventKind.Webinar, webinarId, type, cancellationToken);
    }

    /// <summary>One participant's QoS: <c>GET /metrics/webinars/{webinarId}/participants/{participantId}/qos</c>.</summary>
    /// <param name="webinarId">The webinar ID or instance UUID.</param>
    /// <param name="participantId">The participant's id.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ParticipantQos> GetWebinarParticipantQosAsync(string webinarId, string participantId, QosListType type = QosListType.Live, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webinarId);
        return GetParticipantQosAsync(QosEventKind.Webinar, webinarId, participantId, type, cancellationToken);
    }

    /// <summary>
    /// Every participant's QoS summary (min, average and max per stream): <c>GET /metrics/webinars/{webinarId}/participants/qos_summary</c>,
    /// Zoom's QSS API (an account without a QoS Subscription gets code 200, "event subscription not found").
    /// </summary>
    /// <param name="webinarId">The webinar ID (its latest instance) or an instance UUID.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<ParticipantQosSummary> GetWebinarParticipantsQosSummaryAsync(string webinarId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(webinarId);
        return GetParticipantsQosSummaryAsync(QosEventKind.Webinar, webinarId, cancellationToken);
    }

    /// <summary>The account's webinars: <c>GET /metrics/webinars</c>. Past needs a range of at most a month.</summary>
    /// <param name="type">Live or past.</param>
    /// <param name="fromDate">First day (UTC), required for past.</param>
    /// <param name="toDate">Last day (UTC), required for past.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public virtual ZoomPageable<WebinarSummary> GetWebinarsAsync(QosListType type = QosListType.Live, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default) =>
        GetInstancesAsync(QosEventKind.Webinar, type, fromDate, toDate, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client when this client made it.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static HttpClient Configure(HttpClient http, ZoomQosClientOptions options)
    {
        var baseUri = options.BaseUri.AbsoluteUri.EndsWith('/') ? options.BaseUri : new Uri(options.BaseUri.AbsoluteUri + "/");
        http.BaseAddress ??= baseUri;
        http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline times attempts; waits for Retry-After may be long
        var product = "ZoomQos/" + (typeof(ZoomQosClient).Assembly.GetName().Version?.ToString(3) ?? "0.1.0");
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.ApplicationId is { Length: > 0 } app ? $"{product} ({app})" : product);
        return http;
    }

    // The walk honours both the token given to the call and the enumerator's (AsPages, WithCancellation).
    private static CancellationTokenSource? Link(CancellationToken call, ref CancellationToken enumerator)
    {
        if (!call.CanBeCanceled || call == enumerator)
        {
            return null;
        }

        if (!enumerator.CanBeCanceled)
        {
            enumerator = call;
            return null;
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(call, enumerator);
        enumerator = linked.Token;
        return linked;
    }

    private static string WithToken(string path, string? token) => token is null ? path : path + "&next_page_token=" + Uri.EscapeDataString(token);

    private async Task<PooledBody> GetBytesAsync(string relative, CancellationToken cancellationToken)
    {
        // Retries (Polly) cover the request up to its headers; a body cut off afterwards (the server died while
        // sending it) is fetched again here, with the same back-off.
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _http.GetAsync(new Uri(relative, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await ZoomErrorMapper.MapAsync(response, _options.TimeProvider.GetUtcNow(), cancellationToken);
            }

            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && attempt <= _options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_options.RetryBaseDelay * Math.Pow(2, attempt - 1), _options.TimeProvider, cancellationToken);
            }
        }
    }

    // The one choke point: every call goes through here; failures become ZoomApiExceptions.
    private async Task<T> GetAsync<T>(string relative, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(relative, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ZoomErrorMapper.MapAsync(response, _options.TimeProvider.GetUtcNow(), cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
            ?? throw new ZoomApiException($"GET {relative.Split('?')[0]} answered 200 with an empty body.");
    }
}
