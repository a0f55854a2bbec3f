namespace ZoomQos.Analysis.History;

/// <summary>
/// The account over a date range: every dimension's groups over all its instances, each with its poor share and the
/// change against the previous range of the same length; the causes that recur; the attendees poor again and again.
/// </summary>
/// <param name="Instances">The instances of the range, oldest first.</param>
/// <param name="Breakdowns">Per dimension, its groups, the worst first.</param>
/// <param name="Recurring">Causes from the same person in two or more instances.</param>
/// <param name="RepeatPoor">People poor in <see cref="RepeatPoorInstances"/> or more instances.</param>
public sealed record AccountTrend(IReadOnlyList<InstanceRow> Instances, IReadOnlyDictionary<Dimension, IReadOnlyList<TrendGroup>> Breakdowns, IReadOnlyList<RecurringCause> Recurring, IReadOnlyList<RepeatPoorPerson> RepeatPoor)
{
    /// <summary>In how many instances a person must be poor to be listed.</summary>
    public const int RepeatPoorInstances = 3;

    /// <summary>The trend of a range, against the range before it.</summary>
    /// <param name="current">The range's instance summaries.</param>
    /// <param name="previous">The previous range's instance summaries.</param>
    public static AccountTrend Of(IReadOnlyList<InstanceSummary> current, IReadOnlyList<InstanceSummary> previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var ordered = current.OrderBy(s => s.StartTime).ThenBy(s => s.Uuid, StringComparer.Ordinal).ToList();
        var before = Totals(previous);
        var breakdowns = Totals(ordered).ToDictionary(
            d => d.Key,
            d => (IReadOnlyList<TrendGroup>)[.. d.Value
                .Select(g => new TrendGroup(g.Key, g.Value.Participants, g.Value.Poor, g.Value.PoorShare, before.GetValueOrDefault(d.Key)?.GetValueOrDefault(g.Key)?.PoorShare))
                .OrderByDescending(g => g.PoorShare).ThenByDescending(g => g.Participants).ThenBy(g => g.Value, StringComparer.Ordinal)]);
        var repeat = ordered
            .SelectMany(s => s.PoorSessions.Where(p => p.Person.Length > 0).DistinctBy(p => p.Person).Select(p => (Summary: s, Session: p)))
            .GroupBy(x => x.Session.Person, StringComparer.Ordinal)
            .Where(g => g.Count() >= RepeatPoorInstances)
            .Select(g => new RepeatPoorPerson(g.Key, g.Last().Session.Name, g.Last().Session.Email, [.. g.Select(x => x.Summary.Uuid)], [.. g.Select(x => x.Session.Cause).OfType<CauseKind>().Distinct()]))
            .OrderByDescending(p => p.Instances.Count).ThenBy(p => p.Person, StringComparer.Ordinal)
            .ToList();
        return new AccountTrend([.. ordered.Select(InstanceRow.Of)], breakdowns, RecurringCause.In(ordered), repeat);
    }

    private static Dictionary<Dimension, Dictionary<string, BreakdownRow>> Totals(IReadOnlyList<InstanceSummary> summaries) =>
        Enum.GetValues<Dimension>().ToDictionary(
            d => d,
            d => summaries
                .SelectMany(s => s.Breakdowns.GetValueOrDefault(d) ?? [])
                .GroupBy(r => r.Value, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => new BreakdownRow(g.Key, g.Sum(r => r.Participants), g.Sum(r => r.Poor), g.Sum(r => r.Fair), g.Sum(r => r.Good), g.Sum(r => r.Insufficient)),
                    StringComparer.Ordinal));
}

/// <summary>One group of a dimension over a range.</summary>
/// <param name="Value">The group ("Wifi", "Sydney (AU)", …).</param>
/// <param name="Participants">Sessions in the range.</param>
/// <param name="Poor">Poor sessions.</param>
/// <param name="PoorShare">Poor share of the sessions with a verdict.</param>
/// <param name="PreviousPoorShare">The same in the previous range, or <see langword="null"/> when the group was absent.</param>
public sealed record TrendGroup(string Value, int Participants, int Poor, double PoorShare, double? PreviousPoorShare)
{
    /// <summary>The change of the poor share against the previous range, in share points (0.05 = 5 points worse).</summary>
    public double? Change => PreviousPoorShare is { } before ? PoorShare - before : null;
}

/// <summary>Someone poor in several instances of the range.</summary>
/// <param name="Person">Their person key.</param>
/// <param name="Name">Their name as last seen.</param>
/// <param name="Email">Their email as last seen.</param>
/// <param name="Instances">The instances they were poor in, oldest first.</param>
/// <param name="Causes">The causes found for them.</param>
public sealed record RepeatPoorPerson(string Person, string Name, string Email, IReadOnlyList<string> Instances, IReadOnlyList<CauseKind> Causes);
