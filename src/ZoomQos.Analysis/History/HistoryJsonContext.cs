using System.Text.Json.Serialization;

namespace ZoomQos.Analysis.History;

/// <summary>
/// Source-generated JSON of the stored summaries and the trends (snake_case, enums as strings): what the store keeps,
/// <c>zoomqos trends --format json</c> prints, and the dashboard's endpoints return.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstanceSummary))]
[JsonSerializable(typeof(WebinarTrend))]
[JsonSerializable(typeof(AccountTrend))]
[JsonSerializable(typeof(ParticipantHistory))]
public sealed partial class HistoryJsonContext : JsonSerializerContext;
