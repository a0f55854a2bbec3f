using System.Text.Json;
using ZoomQos.Analysis;

namespace ZoomQos.Archive.Summaries;

/// <summary>A session verdict as stored in <c>session_outcomes</c>: its JSON name (<c>poor</c>, <c>insufficient_data</c>), both ways.</summary>
internal static class VerdictNames
{
    private static readonly Dictionary<string, ParticipantVerdict> ByName =
        Enum.GetValues<ParticipantVerdict>().ToDictionary(NameOf, v => v, StringComparer.Ordinal);

    public static string NameOf(ParticipantVerdict verdict) => JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.ToString());

    public static ParticipantVerdict Parse(string name) =>
        ByName.TryGetValue(name, out var verdict) ? verdict : throw new JsonException($"'{name}' is not a session verdict.");
}
