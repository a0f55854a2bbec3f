using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Analysis.History;
using ZoomQos.Archive.Summaries;
using ZoomQos.Archive.Trends;
using ZoomQos.Contracts.Qos;
using ZoomQos.Dashboard.Auth;
using ZoomQos.Dashboard.Report;
using ZoomQos.Storage;

namespace ZoomQos.Dashboard.Api;

/// <summary>
/// The dashboard's JSON, for the signed-in user's one account only, read as the API reads it: privacy blanking applies,
/// and another account's instance is a 404 like an unknown one. Lists and trends read the stored summaries; an
/// instance's report is analysed from its samples (live ones up to the last whole minute).
/// </summary>
internal static class DashboardApi
{
    public const int PageSize = 50;

    /// <summary>How many missing summaries one list request computes (each is a full analysis of the instance).</summary>
    public const int SummariesPerRequest = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/dashboard/api").RequireAuthorization().ExcludeFromDescription();
        api.MapGet("/webinars", ListAsync);
        api.MapGet("/instances/{uuid}", InstanceAsync);
        api.MapGet("/trends", async (ClaimsPrincipal user, IQosStore store, TimeProvider time, string? from, string? to, CancellationToken cancellationToken) =>
        {
            var (start, end) = Range(from, to, time);
            await BackfillAsync(store, AccountOf(user), time, cancellationToken);
            return Json(await TrendQueries.AccountAsync(store, AccountOf(user), start, end, cancellationToken), HistoryJsonContext.Default.AccountTrend);
        });
        api.MapGet("/trends/{webinarId:long}", async (long webinarId, ClaimsPrincipal user, IQosStore store, TimeProvider time, string? from, string? to, CancellationToken cancellationToken) =>
        {
            var (start, end) = Range(from, to, time);
            await BackfillAsync(store, AccountOf(user), time, cancellationToken);
            return Json(await TrendQueries.WebinarAsync(store, AccountOf(user), webinarId, start, end, cancellationToken), HistoryJsonContext.Default.WebinarTrend);
        });

        // With privacy blanking nobody is known by name or email: there is no one to look up.
        api.MapGet("/participants", async (ClaimsPrincipal user, IQosStore store, TimeProvider time, string? q, CancellationToken cancellationToken) =>
        {
            if (await BlankedAsync(store, AccountOf(user), cancellationToken))
            {
                return Results.NotFound();
            }

            if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
            {
                return Results.Problem("Give at least two characters of a name or an email in q.", statusCode: StatusCodes.Status400BadRequest);
            }

            await BackfillAsync(store, AccountOf(user), time, cancellationToken);
            return Json(await store.SearchPeopleAsync(AccountOf(user), q, PageSize, cancellationToken), DashboardJsonContext.Default.IReadOnlyListPersonMatch);
        });
        api.MapGet("/participants/{person}", async (string person, ClaimsPrincipal user, IQosStore store, TimeProvider time, string? from, string? to, CancellationToken cancellationToken) =>
        {
            if (await BlankedAsync(store, AccountOf(user), cancellationToken))
            {
                return Results.NotFound();
            }

            var (start, end) = Range(from, to, time);
            await BackfillAsync(store, AccountOf(user), time, cancellationToken);
            return Json(await TrendQueries.ParticipantAsync(store, AccountOf(user), person, start, end, cancellationToken), HistoryJsonContext.Default.ParticipantHistory);
        });
    }

    internal static string AccountOf(ClaimsPrincipal user) =>
        user.FindFirstValue(SignInEndpoints.AccountClaim) ?? throw new InvalidOperationException("A dashboard session without an account.");

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IQosStore store, TimeProvider time, string? from, string? to, string? q, int? page, CancellationToken cancellationToken)
    {
        var account = AccountOf(user);
        var (start, end) = Range(from, to, time);
        var now = time.GetUtcNow();
        var rows = new List<WebinarListRow>();
        foreach (var type in new[] { QosListType.Live, QosListType.Past })
        {
            Storage.InstanceCursor? after = null;
            do
            {
                var listed = await store.ListInstancesAsync(account, type, start, end, after, 500, cancellationToken: cancellationToken);
                rows.AddRange(listed.Instances.Select(i => new WebinarListRow(
                    i.Uuid, i.WebinarId, i.Topic, i.StartTime, (int)((i.EndTime ?? now) - i.StartTime).TotalMinutes, i.IsLive, i.IsMeeting, null, null, null, null)));
                after = listed.Next;
            }
            while (after is not null);
        }

        await BackfillAsync(store, account, time, cancellationToken);
        var summaries = (await store.ListSummariesAsync(account, start, end, null, cancellationToken)).ToDictionary(s => s.Instance.Uuid, InstanceSummaries.Read, StringComparer.Ordinal);

        var matching = rows
            .Select(r => summaries.TryGetValue(r.Uuid, out var s)
                ? r with { Participants = s.Counts.Participants, Verdict = s.Counts.Verdict, PoorShare = s.Counts.PoorShare, TopCause = s.TopCauses.Count > 0 ? s.TopCauses[0].Title : null }
                : r)
            .Where(r => string.IsNullOrWhiteSpace(q) || r.Topic.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || r.WebinarId.ToString(System.Globalization.CultureInfo.InvariantCulture).Contains(q.Trim(), StringComparison.Ordinal))
            .OrderByDescending(r => r.Live).ThenByDescending(r => r.StartTime).ThenBy(r => r.Uuid, StringComparer.Ordinal)
            .ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var number = Math.Clamp(page ?? 1, 1, pages);
        return Json(new WebinarList([.. matching.Skip((number - 1) * PageSize).Take(PageSize)], number, pages, matching.Count), DashboardJsonContext.Default.WebinarList);
    }

    private static async Task<IResult> InstanceAsync(string uuid, ClaimsPrincipal user, IQosStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await InstanceReports.BuildAsync(store, AccountOf(user), Uri.UnescapeDataString(uuid), time, cancellationToken) is { } document
            ? Json(document, ReportJsonContext.Default.ReportDocument)
            : Results.NotFound();

    // An ended instance that came in without a summary (seeded, imported, ingested) is summarised on a read, the latest
    // first and a few a request (each is a full analysis), so that lists and trends fill in.
    private static Task<int> BackfillAsync(IQosStore store, string account, TimeProvider time, CancellationToken cancellationToken) =>
        InstanceSummaries.BackfillAsync(store, account, DateTimeOffset.UnixEpoch, time.GetUtcNow().AddDays(1), SummariesPerRequest, time.GetUtcNow(), cancellationToken);

    /// <summary>Whether the account's names and emails are blanked (or the account is gone): then nobody can be looked up.</summary>
    internal static async Task<bool> BlankedAsync(IQosStore store, string account, CancellationToken cancellationToken) =>
        (await store.GetAccountAsync(account, cancellationToken))?.PrivacyBlanking != false;

    private static (DateTimeOffset Start, DateTimeOffset End) Range(string? from, string? to, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var start = DateTimeOffset.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var f) ? f : now.AddYears(-5);
        var end = DateTimeOffset.TryParse(to, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t.AddDays(1) : now.AddDays(1);
        return (start, end);
    }

    private static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(value, info), "application/json");
}
