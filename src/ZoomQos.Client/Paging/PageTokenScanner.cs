namespace ZoomQos.Client.Paging;

/// <summary>
/// Finds <c>next_page_token</c> in a list page without materializing it: a structural scan of the top level
/// (<see cref="JsonScan"/>: the participants array is skipped, not tokenized), so the next page can be requested
/// before this one is parsed.
/// </summary>
internal static class PageTokenScanner
{
    /// <summary>The token, or <see langword="null"/> when it is absent or empty (the last page).</summary>
    public static string? Find(ReadOnlySpan<byte> page)
    {
        var start = JsonScan.Whitespace(page, 0);
        if (start >= page.Length || page[start] != (byte)'{')
        {
            return null;
        }

        var members = new JsonMembers(page, start);
        while (members.Next())
        {
            var value = members.Position;
            members.SkipValue();
            if (members.NameIs("next_page_token"u8))
            {
                return page[value] == (byte)'"' && JsonScan.Text(page[value..members.Position]) is { Length: > 0 } token ? token : null;
            }
        }

        return null;
    }
}
