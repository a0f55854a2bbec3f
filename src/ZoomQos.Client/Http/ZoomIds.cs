namespace ZoomQos.Client.Http;

/// <summary>
/// Contract section 3: a UUID that begins with <c>/</c> or contains <c>//</c> must be double-encoded; any
/// other identifier is encoded once (<c>/</c>, <c>+</c>, <c>=</c>). The server then sees the exact UUID.
/// </summary>
public static class ZoomIds
{
    /// <summary>The path segment for a webinar ID, instance UUID or participant id.</summary>
    /// <param name="id">The identifier as Zoom gave it.</param>
    public static string Encode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var once = Uri.EscapeDataString(id);
        return id.StartsWith('/') || id.Contains("//", StringComparison.Ordinal) ? Uri.EscapeDataString(once) : once;
    }
}
