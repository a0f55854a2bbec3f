namespace ZoomQos.Analysis.History;

/// <summary>A cause that came back: the same kind, from the same person, in several instances.</summary>
/// <param name="Kind">The cause.</param>
/// <param name="Title">In words.</param>
/// <param name="CauseName">Whose link or device (the name as last seen).</param>
/// <param name="CausePerson">Their person key (email, or name).</param>
/// <param name="Instances">The instances it was a top cause of, oldest first.</param>
public sealed record RecurringCause(CauseKind Kind, string Title, string CauseName, string CausePerson, IReadOnlyList<string> Instances)
{
    /// <summary>The causes found, for the same person, in two or more of <paramref name="summaries"/>; the most frequent first.</summary>
    /// <param name="summaries">Instance summaries, oldest first.</param>
    public static IReadOnlyList<RecurringCause> In(IReadOnlyList<InstanceSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return [.. summaries
            .SelectMany(s => s.TopCauses.Select(c => (Summary: s, Cause: c)))
            .Where(x => x.Cause.CausePerson.Length > 0)
            .GroupBy(x => (x.Cause.Kind, x.Cause.CausePerson))
            .Select(g => (Group: g, Instances: g.Select(x => x.Summary.Uuid).Distinct(StringComparer.Ordinal).ToList()))
            .Where(x => x.Instances.Count >= 2)
            .Select(x => new RecurringCause(x.Group.Key.Kind, x.Group.Last().Cause.Title, x.Group.Last().Cause.CauseName, x.Group.Key.CausePerson, x.Instances))
            .OrderByDescending(r => r.Instances.Count).ThenBy(r => r.Kind.Name, StringComparer.Ordinal).ThenBy(r => r.CausePerson, StringComparer.Ordinal)];
    }
}
