using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ZoomQos.Server.Hosting;

/// <summary>
/// Reads identifiers from the raw request target, before the framework's own decoding, and applies the
/// contract's rule: decode a segment once, and a second time when the result still holds percent escapes.
/// So <c>%252FajXp%253D%253D</c> (double-encoded) and <c>%2FajXp%3D%3D</c> (single) both name <c>/ajXp==</c>.
/// </summary>
internal static class RawPath
{
    /// <summary>The decoded segment at <paramref name="index"/> of the raw path (0 is the first after the leading slash).</summary>
    public static string? Segment(HttpContext http, int index)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? string.Empty;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? raw[..query] : raw;
        var segments = path.TrimStart('/').Split('/');
        return index < segments.Length ? Decode(segments[index]) : null;
    }

    public static string Decode(string segment)
    {
        var once = Uri.UnescapeDataString(segment);
        return HasEscape(once) ? Uri.UnescapeDataString(once) : once;
    }

    private static bool HasEscape(string text)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '%' && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
