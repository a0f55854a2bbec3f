using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// Sends the emulator's QSS events to <see cref="ServerOptions.WebhookUrl"/> as Zoom does: POST, compact JSON, Zoom's
/// headers, signed with the secret token at the moment of sending. Four senders work off a bounded queue (the oldest event
/// is dropped when the receiver cannot keep up, and counted), so that nothing waits on the receiver; a failed delivery is
/// tried again after 1, 2, 4, 8 and 16 seconds, then given up. Its counts are on <c>/health</c> under <c>webhooks</c>.
/// </summary>
internal sealed partial class WebhookDelivery(ServerOptions options, ILogger<WebhookDelivery> logger) : BackgroundService, IHealthSection
{
    public const int Attempts = 6;
    private const int Senders = 4;
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(10) };
    private long _delivered;
    private long _retried;
    private long _failed;
    private long _dropped;
    private int _lastStatus;

    public string Name => "webhooks";

    /// <summary>Queues one event's body; never waits.</summary>
    public void Enqueue(string body)
    {
        if (_queue.Reader.Count >= 10_000)
        {
            Interlocked.Increment(ref _dropped); // the bounded queue drops its oldest
        }

        _queue.Writer.TryWrite(body);
    }

    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("url", options.WebhookUrl?.GetLeftPart(UriPartial.Path));
        json.WriteNumber("queued", _queue.Reader.Count);
        json.WriteNumber("delivered", Interlocked.Read(ref _delivered));
        json.WriteNumber("retried", Interlocked.Read(ref _retried));
        json.WriteNumber("failed", Interlocked.Read(ref _failed));
        json.WriteNumber("dropped", Interlocked.Read(ref _dropped));
        json.WriteNumber("last_status", _lastStatus);
        json.WriteEndObject();
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => SendAsync(stoppingToken)));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var body in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(body, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is not sent.
        }
    }

    private async Task DeliverAsync(string body, CancellationToken stoppingToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retried);
                await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 1)), options.TimeProvider, stoppingToken);
            }

            var timestamp = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, options.WebhookUrl) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("User-Agent", "Zoom Marketplace/1.0a");
            request.Headers.Add("x-zm-request-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("x-zm-signature", ZoomSignature.Sign(options.WebhookSecretToken!, timestamp, bytes));
            request.Headers.Add("x-zm-trackingid", "ZQOS_" + Guid.NewGuid().ToString("N"));
            request.Content.Headers.ContentLength = bytes.Length;
            try
            {
                using var response = await _http.SendAsync(request, stoppingToken);
                _lastStatus = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _delivered);
                    return;
                }

                LogRefused(logger, (int)response.StatusCode, attempt + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                _lastStatus = 0;
                LogUnreachable(logger, e.Message, attempt + 1);
            }
        }

        Interlocked.Increment(ref _failed);
    }

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "The webhook receiver answered {Status} (attempt {Attempt})")]
    private static partial void LogRefused(ILogger logger, int status, int attempt);

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "The webhook receiver could not be reached: {Reason} (attempt {Attempt})")]
    private static partial void LogUnreachable(ILogger logger, string reason, int attempt);
}
