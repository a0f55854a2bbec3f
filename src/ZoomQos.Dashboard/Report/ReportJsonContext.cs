using System.Text.Json.Serialization;
using ZoomQos.Analysis;
using ZoomQos.Analysis.Live;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Dashboard.Report;

/// <summary>Source-generated JSON for the analysis (report --format json, the HTML report's data, the dashboard's instance pages, watch alerts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(WebinarAnalysis))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(WatchAlertBatch))]
public sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>What a report is of, beside the analysis.</summary>
/// <param name="WebinarId">The webinar ID or UUID asked for.</param>
/// <param name="Type">live or past.</param>
/// <param name="Source">Where the data came from (an API base URL, a store, a file).</param>
/// <param name="GeneratedAt">When the report was made (UTC).</param>
/// <param name="Analysis">The analysis.</param>
public sealed record ReportDocument(string WebinarId, string Type, string Source, DateTimeOffset GeneratedAt, WebinarAnalysis Analysis)
{
    /// <summary>Whether <see cref="WebinarId"/> is a meeting's ID (or UUID) rather than a webinar's.</summary>
    public bool Meeting { get; init; }

    /// <summary>What the report is of, for titles: <c>Webinar 812…</c> or <c>Meeting 852…</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Title => (Meeting ? QosEventKind.Meeting : QosEventKind.Webinar).Title() + " " + WebinarId;
}

/// <summary>One POST of <c>watch --alert-webhook</c>: the alerts raised by one poll.</summary>
/// <param name="WebinarId">The webinar.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Alerts">The alerts.</param>
public sealed record WatchAlertBatch(string WebinarId, DateTimeOffset At, IReadOnlyList<LiveAlert> Alerts);
