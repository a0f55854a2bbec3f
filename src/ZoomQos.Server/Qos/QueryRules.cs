using System.Globalization;
using Microsoft.AspNetCore.Http;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Server.Qos;

/// <summary>Contract section 2: <c>type</c> and <c>page_size</c>, strictly (one value, digits only, in range).</summary>
internal static class QueryRules
{
    public static bool TryType(IQueryCollection query, out QosListType type)
    {
        type = QosListType.Live;
        if (!query.TryGetValue("type", out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            return false;
        }

        return QosListTypeNames.TryParse(values[0], out type);
    }

    public static bool TryPageSize(IQueryCollection query, int fallback, int max, out int size)
    {
        size = fallback;
        if (!query.TryGetValue("page_size", out var values))
        {
            return true;
        }

        return values.Count == 1
            && values[0] is { Length: > 0 and <= 9 } text
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size)
            && size >= 1 && size <= max;
    }

    /// <summary>The one <c>next_page_token</c>, or empty; <see langword="false"/> when it was given twice.</summary>
    public static bool TryPageToken(IQueryCollection query, out string token)
    {
        token = string.Empty;
        if (!query.TryGetValue("next_page_token", out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            return false;
        }

        token = values[0] ?? string.Empty;
        return true;
    }
}
