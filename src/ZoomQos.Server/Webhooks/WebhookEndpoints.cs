using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/zoom</c>, on when the server has a webhook secret token: Zoom's endpoint URL validation, and the QoS
/// Subscription events, each verified (<see cref="ZoomSignature"/>) before anything is read from it. A refused request
/// (401), a malformed (400) or oversized (413) body, another account's instance (409) and an event of another kind
/// (200, ignored) change nothing; 200 means the event is stored.
/// </summary>
internal static partial class WebhookEndpoints
{
    public const string Route = "/webhooks/zoom";

    /// <summary>The largest body read: a per-minute event is a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly HashSet<string> QosEvents = new(StringComparer.Ordinal)
    {
        "webinar.participant_qos", "webinar.participant_qos_summary", "meeting.participant_qos", "meeting.participant_qos_summary",
    };

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, ReceiveAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, ServerOptions options, QssReceiver receiver, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("ZoomQos.Server.Webhooks");
        if (options.WebhookSecretToken is not { Length: > 0 } secret)
        {
            return Answer(404, "error", "This server receives no webhooks: start it with --webhook-secret-token.");
        }

        var body = await ReadAsync(http);
        if (body is null)
        {
            return Answer(413, "error", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        var headers = http.Request.Headers;
        if (ZoomSignature.Refusal(secret, headers["x-zm-request-timestamp"], headers["x-zm-signature"], body, options.TimeProvider.GetUtcNow()) is { } refusal)
        {
            LogRefused(logger, refusal);
            return Answer(401, "error", "Refused: " + refusal + ".");
        }

        JsonObject root;
        string name;
        try
        {
            root = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("the body is not a JSON object.");
            name = root["event"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new JsonException("event is missing.");
        }
        catch (JsonException e)
        {
            return Answer(400, "error", "Malformed event: " + e.Message);
        }

        if (name == "endpoint.url_validation")
        {
            return root["payload"]?["plainToken"] is JsonValue plain && plain.TryGetValue<string>(out var token) && token.Length is > 0 and <= 256
                ? TypedResults.Json(new UrlValidation(token, ZoomSignature.EncryptToken(secret, token)), WebhookJsonContext.Default.UrlValidation)
                : (IResult)Answer(400, "error", "Malformed event: payload.plainToken is missing.");
        }

        if (!QosEvents.Contains(name))
        {
            LogIgnored(logger, name);
            return Answer(200, "ignored", $"'{name}' is not a QoS event: nothing was stored.");
        }

        try
        {
            return await receiver.ReceiveAsync(name, root, body, http.RequestAborted)
                ? Answer(200, "stored", name)
                : Answer(409, "error", "The instance belongs to another account.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Answer(400, "error", "Malformed event: " + e.Message);
        }
    }

    // The body, or null when it is larger than the limit (read no further than that).
    private static async Task<byte[]?> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // counted here, so that the answer is ours and not a reset
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static JsonHttpResult<WebhookAnswer> Answer(int status, string outcome, string message) =>
        TypedResults.Json(new WebhookAnswer(outcome, message), WebhookJsonContext.Default.WebhookAnswer, statusCode: status);

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "A webhook request was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "A webhook event '{Name}' is not a QoS event: ignored")]
    private static partial void LogIgnored(ILogger logger, string name);
}

/// <summary>The answer to <c>endpoint.url_validation</c>.</summary>
internal sealed record UrlValidation(string PlainToken, string EncryptedToken);

/// <summary>What the receiver says of a request.</summary>
internal sealed record WebhookAnswer(string Status, string Message);

/// <summary>Source-generated JSON of the receiver's answers (Zoom's camelCase for the validation).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UrlValidation))]
[JsonSerializable(typeof(WebhookAnswer))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
