using System.Text.Json.Serialization;

namespace ZoomQos.Analysis;

/// <summary>A stream's or a minute's class (quality model, section 2). Idle streams are unclassified, never poor.</summary>
public enum Quality : byte
{
    /// <summary>Idle or absent: no verdict.</summary>
    Unclassified,

    /// <summary>Good.</summary>
    Good,

    /// <summary>Fair.</summary>
    Fair,

    /// <summary>Poor.</summary>
    Poor,
}

/// <summary>A participant's verdict (section 4).</summary>
public enum ParticipantVerdict
{
    /// <summary>Fewer active minutes than the minimum: no verdict.</summary>
    InsufficientData,

    /// <summary>Good.</summary>
    Good,

    /// <summary>Fair: at least 10 % of active minutes fair or worse.</summary>
    Fair,

    /// <summary>Poor: at least 10 % of active minutes poor on an audio metric, or MOS p10 below 3.6.</summary>
    Poor,
}

/// <summary>The webinar's verdict (section 4).</summary>
public enum WebinarVerdict
{
    /// <summary>Fewer than 5 % of participants poor.</summary>
    Healthy,

    /// <summary>5 to 20 % poor.</summary>
    Degraded,

    /// <summary>20 % or more poor.</summary>
    Critical,
}

/// <summary>p50, p95 and max of a metric over a participant's active minutes; null when there was no value.</summary>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Max">Maximum.</param>
public sealed record MetricStats(double? P50, double? P95, double? Max);

/// <summary>One root cause found: what, whose, who suffered it, when, and the evidence.</summary>
/// <param name="Kind">The cause.</param>
/// <param name="Alert">Zoom's alert bucket: Unstable audio, Unstable video, Poor screen share quality, High CPU usage, Call reconnection problems.</param>
/// <param name="Title">The cause in words, e.g. "the panelist's uplink".</param>
/// <param name="CauseUserId">The session whose link or device causes it.</param>
/// <param name="CauseName">That participant's name, or "(unknown)".</param>
/// <param name="AffectedUserIds">The sessions that suffered it (the victims of a panelist's uplink; the participant itself otherwise).</param>
/// <param name="From">First minute (UTC).</param>
/// <param name="To">Last minute (UTC, inclusive).</param>
/// <param name="Evidence">What in the numbers shows it.</param>
public sealed record Finding(
    CauseKind Kind,
    string Alert,
    string Title,
    string CauseUserId,
    string CauseName,
    IReadOnlyList<string> AffectedUserIds,
    DateTimeOffset From,
    DateTimeOffset To,
    string Evidence)
{
    /// <summary>Minutes from <see cref="From"/> to <see cref="To"/>.</summary>
    public int Minutes => (int)((To - From).TotalMinutes + 1);

    /// <summary>Participant-minutes touched: how the findings are ranked.</summary>
    public long Impact => (long)Math.Max(1, AffectedUserIds.Count) * Minutes;
}

/// <summary>A participant minute as charts show it: the worse of audio input and output for loss, jitter and latency.</summary>
/// <param name="At">The minute (UTC).</param>
/// <param name="LossPct">Average loss.</param>
/// <param name="JitterMs">Jitter.</param>
/// <param name="LatencyMs">Latency.</param>
/// <param name="AudioKbps">Audio bitrate (received; sent for a panelist).</param>
/// <param name="VideoFps">Video frame rate received (sent for a panelist).</param>
/// <param name="Mos">Estimated MOS.</param>
/// <param name="Quality">The minute's class.</param>
public sealed record MinutePoint(DateTimeOffset At, double? LossPct, double? JitterMs, double? LatencyMs, double? AudioKbps, double? VideoFps, double? Mos, Quality Quality);

/// <summary>One participant session's analysis.</summary>
public sealed record ParticipantAnalysis
{
    /// <summary>The session's user_id.</summary>
    public required string UserId { get; init; }

    /// <summary>Display name; "(unknown)" when blank.</summary>
    public required string Name { get; init; }

    /// <summary>Email, possibly blank.</summary>
    public required string Email { get; init; }

    /// <summary>Whether the session sent media (a panelist).</summary>
    public required bool IsPanelist { get; init; }

    /// <summary>Device, location, network type, OS, client version and data centre ("unknown" when blank).</summary>
    public required IReadOnlyDictionary<Dimension, string> Dimensions { get; init; }

    /// <summary>Minutes with at least one active stream.</summary>
    public required int ActiveMinutes { get; init; }

    /// <summary>Active minutes poor on an audio metric (loss, jitter, latency).</summary>
    public required int PoorAudioMinutes { get; init; }

    /// <summary>Active minutes fair or worse on any stream.</summary>
    public required int FairOrWorseMinutes { get; init; }

    /// <summary>The verdict.</summary>
    public required ParticipantVerdict Verdict { get; init; }

    /// <summary>10th percentile of the estimated MOS (E-model).</summary>
    public required double? MosP10 { get; init; }

    /// <summary>Median estimated MOS.</summary>
    public required double? MosP50 { get; init; }

    /// <summary>Whether the MOS is end to end (the panelist's input leg added) or of one leg.</summary>
    public required bool MosEndToEnd { get; init; }

    /// <summary>Per metric and direction ("latency_ms in", "jitter_ms out", ...): p50, p95, max.</summary>
    public required IReadOnlyDictionary<string, MetricStats> Metrics { get; init; }

    /// <summary>The causes that touched this session, most relevant first (the same objects as <see cref="WebinarAnalysis.Findings"/>).</summary>
    [JsonIgnore]
    public required IReadOnlyList<Finding> Causes { get; init; }

    /// <summary>The causes in short, for JSON: kind, words, alert and minutes (the full findings are listed once, in the webinar's analysis).</summary>
    [JsonPropertyName("causes")]
    public IReadOnlyList<CauseSummary> CauseSummaries => [.. Causes.Select(CauseSummary.Of)];

    /// <summary>Every minute, for the charts.</summary>
    public required IReadOnlyList<MinutePoint> Series { get; init; }

    /// <summary>A sort key: worst first (poor share, then MOS).</summary>
    public double Badness => Verdict == ParticipantVerdict.InsufficientData ? -1
        : ((double)PoorAudioMinutes / Math.Max(1, ActiveMinutes)) + (Verdict == ParticipantVerdict.Poor ? 1 : 0) + ((4.5 - (MosP10 ?? 4.5)) / 10);
}

/// <summary>Verdict counts for one value of a dimension.</summary>
/// <param name="Value">The value ("unknown" for blank).</param>
/// <param name="Participants">Sessions.</param>
/// <param name="Poor">Poor sessions.</param>
/// <param name="Fair">Fair sessions.</param>
/// <param name="Good">Good sessions.</param>
/// <param name="Insufficient">Sessions with too few minutes.</param>
public sealed record BreakdownRow(string Value, int Participants, int Poor, int Fair, int Good, int Insufficient)
{
    /// <summary>Poor share of the sessions with a verdict.</summary>
    public double PoorShare => Share(Poor, Participants - Insufficient);

    /// <summary>The poor share of a group: poor sessions over those with a verdict, 0 for none. The one formula of it.</summary>
    /// <param name="poor">Poor sessions.</param>
    /// <param name="withVerdict">Sessions with a verdict.</param>
    public static double Share(int poor, int withVerdict) => withVerdict == 0 ? 0 : (double)poor / withVerdict;
}

/// <summary>One minute of the whole webinar.</summary>
/// <param name="At">The minute (UTC).</param>
/// <param name="ActiveAttendees">Attendees receiving audio.</param>
/// <param name="DegradedAttendees">Attendees whose downlink was degraded.</param>
/// <param name="PanelistDegraded">Whether a panelist's uplink was degraded.</param>
public sealed record TimelinePoint(DateTimeOffset At, int ActiveAttendees, int DegradedAttendees, bool PanelistDegraded);

/// <summary>The analysis of a webinar.</summary>
public sealed record WebinarAnalysis
{
    /// <summary>The thresholds used.</summary>
    public required Thresholds Thresholds { get; init; }

    /// <summary>The verdict.</summary>
    public required WebinarVerdict Verdict { get; init; }

    /// <summary>Sessions analysed.</summary>
    public required int Participants { get; init; }

    /// <summary>Sessions with a verdict of poor, fair, good, and with too few minutes.</summary>
    public required int Poor { get; init; }

    /// <summary>Fair sessions.</summary>
    public required int Fair { get; init; }

    /// <summary>Good sessions.</summary>
    public required int Good { get; init; }

    /// <summary>Sessions with too few active minutes for a verdict.</summary>
    public required int Insufficient { get; init; }

    /// <summary>Poor share of the sessions with a verdict.</summary>
    public double PoorShare => BreakdownRow.Share(Poor, Participants - Insufficient);

    /// <summary>Root causes, largest impact first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>
    /// The causes as reports rank them: <see cref="Findings"/> with reconnections last (a dropped call is worth
    /// knowing, but it is rarely what to fix first). Every report and alert takes its top causes from here.
    /// </summary>
    public IReadOnlyList<Finding> TopCauses => [.. Findings.Where(f => f.Kind != CauseKind.Reconnection), .. Findings.Where(f => f.Kind == CauseKind.Reconnection)];

    /// <summary>
    /// The 10th percentile of the sessions' MOS p10 (of those with one): the MOS the worst tenth of sessions fell to; null
    /// when no session has one. A method, not a property: the report's JSON is unchanged.
    /// </summary>
    public double? SessionsMosP10()
    {
        var sorted = ParticipantResults.Where(p => p.MosP10 is not null).Select(p => p.MosP10!.Value).Order().ToList();
        return sorted.Count == 0 ? null : Stats.Percentile(sorted, 0.1);
    }

    /// <summary>Every session, worst first.</summary>
    public required IReadOnlyList<ParticipantAnalysis> ParticipantResults { get; init; }

    /// <summary>Breakdowns by location, network type, device, OS, client version and data centre.</summary>
    public required IReadOnlyDictionary<Dimension, IReadOnlyList<BreakdownRow>> Breakdowns { get; init; }

    /// <summary>The webinar minute by minute.</summary>
    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }

    /// <summary>First and last minute with data.</summary>
    public required DateTimeOffset? From { get; init; }

    /// <summary>Last minute with data.</summary>
    public required DateTimeOffset? To { get; init; }
}
