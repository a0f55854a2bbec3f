using Microsoft.AspNetCore.Http;
using ZoomQos.Server.Errors;

namespace ZoomQos.Server.Hosting;

/// <summary>
/// Oversized requests get Zoom's error body, not a bare status: Kestrel's own limits are raised (64 KB for the
/// request line and for the headers) so that such requests reach this middleware, which refuses a query over
/// 8 KB (414) and headers over 16 KB (431) with code 300. Beyond Kestrel's limits, Kestrel itself answers.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    public const int KestrelLimit = 64 * 1024;
    public const int MaxQuery = 8 * 1024;
    public const int MaxHeaders = 16 * 1024;

    public Task InvokeAsync(HttpContext http)
    {
        // The token endpoint answers in the OAuth shape, the API in Zoom's.
        var oauth = http.Request.Path.StartsWithSegments("/oauth", StringComparison.Ordinal);
        if (http.Request.QueryString.Value?.Length > MaxQuery || (http.Request.Path.Value?.Length ?? 0) > MaxQuery)
        {
            var message = $"The request URI is longer than {MaxQuery} bytes.";
            return (oauth ? (IResult)Auth.OAuthEndpoints.Error(414, "Invalid request : " + message, "invalid_request") : ZoomErrors.Write(414, 300, message)).ExecuteAsync(http);
        }

        long headers = 0;
        foreach (var (name, values) in http.Request.Headers)
        {
            headers += name.Length + 4;
            foreach (var value in values)
            {
                headers += value?.Length ?? 0;
            }
        }

        if (headers <= MaxHeaders)
        {
            return next(http);
        }

        var tooLarge = $"The request headers are larger than {MaxHeaders} bytes.";
        return (oauth ? (IResult)Auth.OAuthEndpoints.Error(431, "Invalid request : " + tooLarge, "invalid_request") : ZoomErrors.Write(431, 300, tooLarge)).ExecuteAsync(http);
    }
}
