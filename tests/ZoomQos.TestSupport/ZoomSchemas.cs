using System.Text.Json.Nodes;
using Json.Schema;

namespace ZoomQos.TestSupport;

/// <summary>
/// Zoom's schemas for the operations and QSS events we serve and send (<c>Fixtures/zoom-openapi</c>, copied from the
/// structure of Zoom's official OpenAPI documents), checked with JsonSchema.Net, formats included.
/// </summary>
public static class ZoomSchemas
{
    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    /// <summary>What is wrong with <paramref name="json"/> as the body of <paramref name="eventName"/>, one line per error (none: valid).</summary>
    public static IReadOnlyList<string> EventErrors(string eventName, JsonNode? json) => Errors(Path.Combine("events", eventName + ".json"), "body", json, []);

    /// <summary>
    /// What is wrong with <paramref name="json"/> as the 200 response of the operation in <paramref name="file"/>; an empty
    /// string in a field named in <paramref name="emptyAllowed"/> is not wrong (the empty values Zoom documents).
    /// </summary>
    public static IReadOnlyList<string> ResponseErrors(string file, JsonNode? json, IReadOnlyCollection<string>? emptyAllowed = null) => Errors(file, "responses.200.schema", json, emptyAllowed ?? []);

    private static IReadOnlyList<string> Errors(string file, string pointer, JsonNode? json, IReadOnlyCollection<string> emptyAllowed)
    {
        JsonSchema schema;
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file + "#" + pointer, out schema!))
            {
                var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "zoom-openapi", file)))!;
                var node = pointer.Split('.').Aggregate(document, (at, key) => at[key]!);
                schema = JsonSchema.FromText(node.ToJsonString());
                Loaded[file + "#" + pointer] = schema;
            }
        }

        using var instance = System.Text.Json.JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 } && !EmptyAndAllowed(json, d.InstanceLocation.ToString(), emptyAllowed))
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    private static bool EmptyAndAllowed(JsonNode? json, string location, IReadOnlyCollection<string> emptyAllowed)
    {
        var segments = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !emptyAllowed.Contains(segments[^1]))
        {
            return false;
        }

        var at = json;
        foreach (var segment in segments)
        {
            at = at is JsonArray array && int.TryParse(segment, out var index) ? array[index] : at?[segment];
        }

        return at is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0;
    }
}
