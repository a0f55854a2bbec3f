using System.Text.Json;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Client.Http;

/// <summary>
/// The one place that turns a failed response into an exception (octokit's choke point): Zoom's code and
/// message, the tracking id and rate-limit headers, and a sentence that tells the user what to do.
/// </summary>
internal static class ZoomErrorMapper
{
    public static async Task<ZoomApiException> MapAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        ZoomError? error = null;
        try
        {
            error = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), ZoomJsonContext.Default.ZoomError);
        }
        catch (JsonException)
        {
        }

        var request = response.RequestMessage;
        var method = request?.Method.Method;
        var path = request?.RequestUri?.AbsolutePath;
        var trackingId = response.Headers.TryGetValues("x-zm-trackingid", out var ids) ? ids.FirstOrDefault() : null;
        var rateLimit = RateLimitInfo.From(response.Headers, now);
        var where = $"{method} {path}";
        var zoom = error?.Message is { } m ? $" Zoom said: \"{m}\"" : string.Empty;
        var fieldErrors = error?.Errors is { Count: > 0 } fields ? " (" + string.Join("; ", fields.Select(f => $"{f.Field}: {f.Message}")) + ")" : string.Empty;
        var advice = (status, error?.Code) switch
        {
            (429, _) => rateLimit.RetryAt is { } at
                ? $"Rate limited ({rateLimit.Type ?? "unknown type"}, {rateLimit.Category ?? "unknown category"}); the limit resets at {at:u}."
                : $"Rate limited ({rateLimit.Type ?? "unknown type"}, {rateLimit.Category ?? "unknown category"}) and retries did not outlast it.",
            (_, 4711) => "The access token lacks every accepted scope: add one of the scopes Zoom names below to the Server-to-Server OAuth app in the Zoom Marketplace, then get a new token.",
            (_, 3001) => "Zoom knows no such webinar for this account, or it has not ended: use type=live for a webinar in progress and type=past for an ended one; a numeric ID means its latest instance, a UUID names one instance.",
            (_, 12702) => "Zoom keeps dashboard data for 12 months: this webinar ended before that. Archive webinars within a year (zoomqos archive).",
            (_, 124) => "The access token was refused: check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and that the app is activated.",
            (_, 200) => "This API needs a paid plan (Pro or higher) with the Dashboard feature enabled on the account.",
            (_, 300) when error?.Message?.Contains("page token", StringComparison.OrdinalIgnoreCase) == true => "The page token expired (they last 15 minutes) or belongs to another walk: start the walk again.",
            (_, 300) => "Zoom refused the request's parameters.",
            ( >= 500, _) => "Zoom failed to answer and retries did not help; try again later.",
            _ => "The request failed.",
        };
        var message = $"{where} failed with HTTP {status}{(error is null ? string.Empty : $", Zoom code {error.Code}")}. {advice}{zoom}{fieldErrors}" +
            (trackingId is null ? string.Empty : $" Tracking id: {trackingId}.");
        return status == 429
            ? new ZoomRateLimitExceededException(message, trackingId, rateLimit, method, path)
            : new ZoomApiException(message, status, error?.Code, error?.Message, trackingId, rateLimit, method, path);
    }
}
