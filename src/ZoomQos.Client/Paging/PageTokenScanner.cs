using System.Text.Json;

namespace ZoomQos.Client.Paging;

/// <summary>
/// Finds <c>next_page_token</c> in a list page without materializing it: a token scan of the top level (the
/// participants array is skipped, not parsed), so the next page can be requested before this one is parsed.
/// </summary>
internal static class PageTokenScanner
{
    /// <summary>The token, or <see langword="null"/> when it is absent or empty (the last page).</summary>
    public static string? Find(ReadOnlySpan<byte> page)
    {
        var reader = new Utf8JsonReader(page);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("next_page_token"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } token ? token : null;
            }

            reader.Read();
            reader.Skip();
        }

        return null;
    }
}
