using System.Globalization;

namespace ZoomQos.Cli.Options;

/// <summary>Durations as flags give them (<c>60s</c>, <c>2m</c>, <c>500ms</c>, <c>1h</c>; a bare number is seconds): watch's and serve's.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string name)
    {
        var value = text.Trim();
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? TimeSpan.FromSeconds(amount * unit)
            : throw new CliUsageException($"{name} must be a duration such as 60s, 2m or 500ms, not '{text}'.");
    }
}
