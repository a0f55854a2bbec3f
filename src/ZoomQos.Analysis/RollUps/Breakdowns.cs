namespace ZoomQos.Analysis.RollUps;

/// <summary>Verdict counts per value of each dimension (location, network type, device, OS, client version, data centre), the worst values first.</summary>
internal static class Breakdowns
{
    public static Dictionary<Dimension, IReadOnlyList<BreakdownRow>> Of(IReadOnlyList<ParticipantAnalysis> results) =>
        Enum.GetValues<Dimension>().ToDictionary(
            d => d,
            d => (IReadOnlyList<BreakdownRow>)[.. results
                .GroupBy(r => r.Dimensions[d], StringComparer.Ordinal)
                .Select(g => new BreakdownRow(
                    g.Key,
                    g.Count(),
                    g.Count(r => r.Verdict == ParticipantVerdict.Poor),
                    g.Count(r => r.Verdict == ParticipantVerdict.Fair),
                    g.Count(r => r.Verdict == ParticipantVerdict.Good),
                    g.Count(r => r.Verdict == ParticipantVerdict.InsufficientData)))
                .OrderByDescending(r => r.Poor).ThenByDescending(r => r.Participants).ThenBy(r => r.Value, StringComparer.Ordinal)]);
}
