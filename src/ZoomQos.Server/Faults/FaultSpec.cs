using System.Globalization;

namespace ZoomQos.Server.Faults;

/// <summary>
/// Which faults to inject into Zoom API responses, as shares of requests: <c>--faults "429:10,503:5,reset:2"</c>.
/// Kinds: <c>429</c> (with every header), <c>429-bare</c> (no rate-limit headers, no Retry-After), <c>429-daily</c> (the daily limit, until 00:00 UTC), <c>500</c>,
/// <c>502</c>, <c>503</c>, <c>reset</c> (connection aborted), <c>delay</c> (with <c>@MILLISECONDS</c>, default 500).
/// </summary>
public sealed record FaultSpec(IReadOnlyList<FaultShare> Shares)
{
    /// <summary>No faults.</summary>
    public static FaultSpec None { get; } = new([]);

    /// <summary>Whether any fault is on.</summary>
    public bool Any => Shares.Count > 0;

    /// <summary>Parses a spec; throws <see cref="FormatException"/> with a message that says what is wrong.</summary>
    /// <param name="text">The spec, e.g. <c>429:10,503:5,reset:2,delay:5@250</c>.</param>
    public static FaultSpec Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var shares = new List<FaultShare>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', 2);
            if (parts.Length != 2)
            {
                throw new FormatException($"Fault '{item}' is not KIND:PERCENT (e.g. 429:10).");
            }

            var kind = parts[0].ToLowerInvariant() switch
            {
                "429" => FaultKind.TooManyRequests,
                "429-bare" => FaultKind.TooManyRequestsBare,
                "429-daily" => FaultKind.TooManyRequestsDaily,
                "500" => FaultKind.InternalError,
                "502" => FaultKind.BadGateway,
                "503" => FaultKind.Unavailable,
                "reset" => FaultKind.Reset,
                "delay" => FaultKind.Delay,
                _ => throw new FormatException($"Unknown fault kind '{parts[0]}': use 429, 429-bare, 429-daily, 500, 502, 503, reset or delay."),
            };
            var percentText = parts[1];
            var delay = TimeSpan.FromMilliseconds(500);
            var at = percentText.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                if (kind != FaultKind.Delay || !int.TryParse(percentText[(at + 1)..].TrimEnd('m', 's'), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    throw new FormatException($"Fault '{item}': only delay takes @MILLISECONDS.");
                }

                delay = TimeSpan.FromMilliseconds(ms);
                percentText = percentText[..at];
            }

            if (!double.TryParse(percentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent is < 0 or > 100)
            {
                throw new FormatException($"Fault '{item}': the share must be a percentage from 0 to 100.");
            }

            shares.Add(new FaultShare(kind, percent, delay));
        }

        if (shares.Where(s => s.Kind != FaultKind.Delay).Sum(s => s.Percent) > 100)
        {
            throw new FormatException("The fault shares add up to more than 100 %.");
        }

        return new FaultSpec(shares);
    }
}
