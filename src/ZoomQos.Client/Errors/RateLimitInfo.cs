using System.Globalization;
using System.Net.Http.Headers;

namespace ZoomQos.Client.Errors;

/// <summary>Zoom's rate-limit headers, any subset of them (real responses omit some).</summary>
/// <param name="Category">X-RateLimit-Category: Heavy, Resource-intensive…</param>
/// <param name="Type">X-RateLimit-Type: QPS or Daily-limit.</param>
/// <param name="Limit">X-RateLimit-Limit.</param>
/// <param name="Remaining">X-RateLimit-Remaining.</param>
/// <param name="RetryAt">Retry-After, in whichever of its three forms it came, as an instant.</param>
public sealed record RateLimitInfo(string? Category, string? Type, long? Limit, long? Remaining, DateTimeOffset? RetryAt)
{
    /// <summary>Whether the daily quota (rather than a per-second limit) was hit.</summary>
    public bool IsDaily => string.Equals(Type, "Daily-limit", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the headers of a response.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time, for delta-seconds.</param>
    public static RateLimitInfo From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new RateLimitInfo(
            One(headers, "X-RateLimit-Category"),
            One(headers, "X-RateLimit-Type"),
            long.TryParse(One(headers, "X-RateLimit-Limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null,
            long.TryParse(One(headers, "X-RateLimit-Remaining"), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
            ParseRetryAfter(One(headers, "Retry-After"), now));
    }

    /// <summary>
    /// Retry-After as Zoom sends it (an ISO-8601 UTC timestamp) or as HTTP allows it (delta-seconds, HTTP-date);
    /// <see langword="null"/> when absent or unreadable.
    /// </summary>
    /// <param name="value">The header value.</param>
    /// <param name="now">The current time, for delta-seconds.</param>
    public static DateTimeOffset? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds <= 86_400 * 366 ? now.AddSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var httpDate))
        {
            return httpDate;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso)
            ? iso
            : null;
    }

    private static string? One(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
