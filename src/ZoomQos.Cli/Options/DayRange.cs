using System.CommandLine;
using System.Globalization;

namespace ZoomQos.Cli.Options;

/// <summary>
/// <c>--from</c> and <c>--to</c> as days (UTC, yyyy-mm-dd) of the instances' start, with a default range ending today:
/// the one reading of a day range, for <c>archive</c> and <c>trends</c>.
/// </summary>
/// <param name="defaultDays">How far before <c>--to</c> the range starts when <c>--from</c> is not given.</param>
/// <param name="defaultWords">That default in words, for the help.</param>
internal sealed class DayRange(int defaultDays, string defaultWords)
{
    public Option<string?> From { get; } = new("--from") { Description = $"First day (UTC, yyyy-mm-dd) of the instances' start. Default: {defaultWords} before --to." };

    public Option<string?> To { get; } = new("--to") { Description = "Last day (UTC, yyyy-mm-dd). Default: today." };

    /// <summary>The first and last day; a bad date or an empty range is a usage error.</summary>
    public (DateOnly First, DateOnly Last) Read(ParseResult parse, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        var last = Parse(parse.GetValue(To), "--to") ?? DateOnly.FromDateTime(context.TimeProvider.GetUtcNow().UtcDateTime);
        var first = Parse(parse.GetValue(From), "--from") ?? last.AddDays(-defaultDays);
        return first <= last ? (first, last) : throw new CliUsageException($"--from ({first:yyyy-MM-dd}) is after --to ({last:yyyy-MM-dd}).");
    }

    /// <summary>The range as instants: from the first day's midnight to the midnight after the last day (exclusive).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Instants(DateOnly first, DateOnly last) =>
        (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private static DateOnly? Parse(string? text, string name) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new CliUsageException($"{name} must be a date as yyyy-mm-dd, not '{text}'.");
}
