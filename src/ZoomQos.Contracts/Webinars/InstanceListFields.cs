using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Webinars;

/// <summary>
/// What the Dashboard's list says of an instance beyond the instance itself: the quality ratings, the <c>has_*</c> flags,
/// <c>dept</c>, <c>custom_keys</c> and whatever else Zoom adds. Kept with the instance as one JSON object
/// (<see cref="WebinarInstance.ListFields"/>): what the simulator made or Zoom's list said is what the server's list says again.
/// </summary>
public static class InstanceListFields
{
    // The fields the instance itself answers for (the store's columns and counts): never kept, never overwritten.
    private static readonly HashSet<string> Own = new(["uuid", "id", "topic", "host", "email", "user_type", "start_time", "end_time", "duration", "participants"], StringComparer.Ordinal);

    /// <summary>The list fields of a listed instance as a JSON object, or <see langword="null"/> when it has none.</summary>
    /// <param name="listed">The instance as a list gave it (or as the simulator describes it).</param>
    public static string? Of(WebinarSummary listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var fields = JsonSerializer.SerializeToNode(listed, ZoomJsonContext.Wire.WebinarSummary)!.AsObject();
        foreach (var name in Own)
        {
            fields.Remove(name);
        }

        return fields.Count == 0 ? null : fields.ToJsonString(ZoomJsonContext.Wire.Options);
    }

    /// <summary>The summary with the kept list fields filled in (unchanged when there are none).</summary>
    /// <param name="summary">What the list says of the instance itself.</param>
    /// <param name="listFields">The kept fields, as <see cref="Of"/> wrote them.</param>
    public static WebinarSummary Apply(WebinarSummary summary, string? listFields)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (string.IsNullOrEmpty(listFields) || JsonNode.Parse(listFields) is not JsonObject kept)
        {
            return summary;
        }

        var merged = JsonSerializer.SerializeToNode(summary, ZoomJsonContext.Wire.WebinarSummary)!.AsObject();
        foreach (var (name, value) in kept.Where(f => !Own.Contains(f.Key)))
        {
            merged[name] = value?.DeepClone();
        }

        return merged.Deserialize(ZoomJsonContext.Default.WebinarSummary)! with { Kind = summary.Kind };
    }
}
