namespace ZoomQos.Analysis;

/// <summary>A cause as a participant's row shows it: which, in words, and when (the full finding is listed once, in the webinar's analysis).</summary>
/// <param name="Kind">The cause.</param>
/// <param name="Title">The cause in words, e.g. "the panelist's uplink".</param>
/// <param name="Alert">Zoom's alert bucket.</param>
/// <param name="From">First minute (UTC).</param>
/// <param name="To">Last minute (UTC, inclusive).</param>
public sealed record CauseSummary(CauseKind Kind, string Title, string Alert, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The summary of a finding.</summary>
    /// <param name="finding">The finding.</param>
    public static CauseSummary Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Kind, finding.Title, finding.Alert, finding.From, finding.To);
    }
}
