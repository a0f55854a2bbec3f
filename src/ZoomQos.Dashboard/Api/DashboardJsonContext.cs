using System.Text.Json.Serialization;
using ZoomQos.Analysis;

namespace ZoomQos.Dashboard.Api;

/// <summary>Source-generated JSON of the dashboard's lists (snake_case, enums as strings).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebinarList))]
[JsonSerializable(typeof(IReadOnlyList<ZoomQos.Storage.Summaries.PersonMatch>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;

/// <summary>A page of <c>/webinars</c>: live instances first, then ended ones, newest first.</summary>
/// <param name="Instances">This page's instances.</param>
/// <param name="Page">The page (1-based).</param>
/// <param name="Pages">How many pages there are.</param>
/// <param name="Total">How many instances match.</param>
internal sealed record WebinarList(IReadOnlyList<WebinarListRow> Instances, int Page, int Pages, int Total);

/// <summary>One instance in the list.</summary>
/// <param name="Uuid">The instance UUID.</param>
/// <param name="WebinarId">The webinar ID.</param>
/// <param name="Topic">The topic.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="DurationMinutes">How long it ran (so far, when live).</param>
/// <param name="Live">Whether it is in progress.</param>
/// <param name="Meeting">Whether it is a meeting's instance (else a webinar's).</param>
/// <param name="Participants">Sessions, when its summary is stored.</param>
/// <param name="Verdict">Its verdict, when its summary is stored.</param>
/// <param name="PoorShare">Its poor share, when its summary is stored.</param>
/// <param name="TopCause">Its top cause in words, when it has one.</param>
internal sealed record WebinarListRow(string Uuid, long WebinarId, string Topic, DateTimeOffset StartTime, int DurationMinutes, bool Live, bool Meeting, int? Participants, WebinarVerdict? Verdict, double? PoorShare, string? TopCause);
