using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ZoomQos.Server.RateLimiting;

/// <summary>Writes <c>Retry-After</c> in the configured form.</summary>
internal static class RetryAfter
{
    public static void Write(HttpResponse response, DateTimeOffset retryAt, RetryAfterFormat format, TimeProvider time)
    {
        // Whole seconds, rounded up, so that a client waiting exactly this long is not early.
        var at = new DateTimeOffset((retryAt.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        switch (format)
        {
            case RetryAfterFormat.Iso8601:
                response.Headers.RetryAfter = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                break;
            case RetryAfterFormat.Seconds:
                response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling((at - time.GetUtcNow()).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                break;
            case RetryAfterFormat.HttpDate:
                response.Headers.RetryAfter = at.ToString("r", CultureInfo.InvariantCulture);
                break;
            default:
                break;
        }
    }
}
