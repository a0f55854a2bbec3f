namespace ZoomQos.Analysis.RollUps;

/// <summary>Verdict counts per value of each dimension (location, network type, device, OS, client version, data centre), the worst values first.</summary>
internal static class Breakdowns
{
    private static readonly string[] Dimensions = ["location", "network_type", "device", "os", "client_version", "data_center"];

    public static Dictionary<string, IReadOnlyList<BreakdownRow>> Of(IReadOnlyList<ParticipantAnalysis> results) =>
        Dimensions.ToDictionary(
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
                .OrderByDescending(r => r.Poor).ThenByDescending(r => r.Participants).ThenBy(r => r.Value, StringComparer.Ordinal)],
            StringComparer.Ordinal);
}
