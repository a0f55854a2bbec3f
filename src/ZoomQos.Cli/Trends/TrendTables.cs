using System.Globalization;
using ZoomQos.Analysis;
using ZoomQos.Analysis.History;

namespace ZoomQos.Cli.Trends;

/// <summary>The tables of each trend, in invariant numbers and UTC times.</summary>
internal static class TrendTables
{
    public static TrendTableSet Of(WebinarTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var instances = Instances($"Webinar {trend.WebinarId} ({trend.Topic}): {trend.Instances.Count} instances", trend.Instances);
        return new([instances, Recurring(trend.Recurring)], instances);
    }

    public static TrendTableSet Of(AccountTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var breakdowns = new TrendTable(
            "Breakdowns, against the previous range of the same length",
            ["DIMENSION", "GROUP", "SESSIONS", "POOR", "POOR %", "BEFORE %", "CHANGE"],
            [.. trend.Breakdowns.SelectMany(d => d.Value.Select(g => (IReadOnlyList<string>)[
                DimensionName(d.Key), g.Value, Count(g.Participants), Count(g.Poor), Percent(g.PoorShare),
                g.PreviousPoorShare is { } before ? Percent(before) : "-", g.Change is { } change ? Points(change) : "new"]))]);
        var repeat = new TrendTable(
            $"Poor in {AccountTrend.RepeatPoorInstances} or more instances",
            ["PERSON", "NAME", "INSTANCES", "CAUSES"],
            [.. trend.RepeatPoor.Select(p => (IReadOnlyList<string>)[p.Person, p.Name, Count(p.Instances.Count), string.Join(' ', p.Causes.Select(c => c.Name))])]);
        return new([Instances($"{trend.Instances.Count} instances", trend.Instances), breakdowns, Recurring(trend.Recurring), repeat], breakdowns);
    }

    public static TrendTableSet Of(ParticipantHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var sessions = new TrendTable(
            $"{history.Person}: {history.Sessions.Count} sessions in {history.Instances} instances",
            ["START (UTC)", "WEBINAR", "TOPIC", "UUID", "NAME", "VERDICT", "MOS P10", "CAUSE"],
            [.. history.Sessions.Select(s => (IReadOnlyList<string>)[
                Time(s.StartTime), s.WebinarId.ToString(CultureInfo.InvariantCulture), s.Topic, s.Uuid, s.Name, Verdict(s.Verdict),
                s.MosP10?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-", s.Cause ?? "-"])]);
        return new([sessions], sessions);
    }

    private static TrendTable Instances(string title, IReadOnlyList<InstanceRow> rows) => new(
        title,
        ["START (UTC)", "WEBINAR", "TOPIC", "UUID", "SESSIONS", "VERDICT", "POOR %", "TOP CAUSE"],
        [.. rows.Select(r => (IReadOnlyList<string>)[
            Time(r.StartTime), r.WebinarId.ToString(CultureInfo.InvariantCulture), r.Topic, r.Uuid, Count(r.Participants),
            r.Verdict.ToString().ToLowerInvariant(), Percent(r.PoorShare), r.TopCauses.Count > 0 ? r.TopCauses[0] : "-"])]);

    private static TrendTable Recurring(IReadOnlyList<RecurringCause> causes) => new(
        "Causes that recur (the same person, two or more instances)",
        ["CAUSE", "WHOSE", "INSTANCES", "UUIDS"],
        [.. causes.Select(c => (IReadOnlyList<string>)[c.Title, c.CauseName, Count(c.Instances.Count), string.Join(' ', c.Instances)])]);

    private static string DimensionName(Dimension dimension) => dimension switch
    {
        Dimension.NetworkType => "network_type",
        Dimension.ClientVersion => "client_version",
        Dimension.DataCenter => "data_center",
        _ => dimension.ToString().ToLowerInvariant(),
    };

    private static string Verdict(ParticipantVerdict verdict) => verdict == ParticipantVerdict.InsufficientData ? "too few minutes" : verdict.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Points(double change) => (change * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}
