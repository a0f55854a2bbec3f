using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Qos;
using ZoomQos.Server.Telemetry;
using ZoomQos.Storage;

namespace ZoomQos.Server.Webinars;

/// <summary>
/// <c>GET /metrics/webinars</c> and <c>GET /metrics/meetings</c>: the account's instances of the surface, live or past
/// (meetings also <c>pastOne</c>: past ones that only one participant attended). For past, <c>from</c> and <c>to</c>
/// (<c>yyyy-mm-dd</c>) are required, span at most one month, and lie within the last six months.
/// </summary>
internal static class InstanceListEndpoints
{
    private const int MaxInstancesPerRange = 100_000;
    private const string PastOne = "pastOne";

    public static IEndpointRouteBuilder MapInstanceLists(this IEndpointRouteBuilder routes)
    {
        foreach (var route in QosRoute.All)
        {
            routes.MapGet(route.Base, (HttpContext http, ZoomGate gate, PageTokens pageTokens, IQosStore store, ServerOptions options) =>
                    ListAsync(route, http, gate, pageTokens, store, options))
                .WithTags("Dashboards")
                .WithName(route.Name("s"))
                .WithSummary($"List {route.Surface.Plural}");
        }

        return routes;
    }

    private static async Task<IResult> ListAsync(QosRoute route, HttpContext http, ZoomGate gate, PageTokens pageTokens, IQosStore store, ServerOptions options)
    {
        var surface = route.Surface;
        var (account, error) = await gate.AdmitAsync(http, route.Operations.ListInstances);
        if (account is null)
        {
            return error!;
        }

        var query = http.Request.Query;
        var pastOne = surface.Kind == QosEventKind.Meeting && query.TryGetValue("type", out var asked) && asked is [PastOne];
        var type = QosListType.Past;
        if (!pastOne && !QueryRules.TryType(query, out type))
        {
            return ZoomErrors.ValidationFailed("type");
        }

        // Meetings: include_fields=tracking_fields (Zoom's one value) adds each meeting's tracking fields.
        var include = query["include_fields"];
        var tracking = surface.Kind == QosEventKind.Meeting && include.Count > 0;
        if (tracking && include is not ["tracking_fields"])
        {
            return ZoomErrors.ValidationFailed("include_fields");
        }

        if (!QueryRules.TryPageSize(query, fallback: 30, max: 300, out var pageSize))
        {
            return ZoomErrors.ValidationFailed("page_size");
        }

        if (!QueryRules.TryPageToken(query, out var token))
        {
            return ZoomErrors.BadPageToken(http);
        }

        var today = DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().UtcDateTime);
        var from = ReadDate(query, "from");
        var to = ReadDate(query, "to");
        if (type == QosListType.Past)
        {
            if (from is not { } f)
            {
                return ZoomErrors.ValidationFailed("from", query.ContainsKey("from") ? "Invalid field." : "This field is required.");
            }

            if (to is not { } t)
            {
                return ZoomErrors.ValidationFailed("to", query.ContainsKey("to") ? "Invalid field." : "This field is required.");
            }

            if (t < f || t > f.AddMonths(1))
            {
                return ZoomErrors.ValidationFailed("to", "The date range can be at most one month.");
            }

            if (options.RetentionMonths > 0 && f < today.AddMonths(-6))
            {
                return ZoomErrors.ValidationFailed("from", "The date must be within the last six months.");
            }
        }
        else if ((query.ContainsKey("from") && from is null) || (query.ContainsKey("to") && to is null))
        {
            return ZoomErrors.ValidationFailed(from is null ? "from" : "to");
        }

        var start = from ?? today.AddMonths(-1);
        var end = to ?? today;
        var binding = string.Create(CultureInfo.InvariantCulture, $"{surface.Plural}|{(pastOne ? PastOne : type.ToWire())}|{start:yyyy-MM-dd}|{end:yyyy-MM-dd}");
        InstanceCursor? after = null;
        if (token.Length > 0 && (after = pageTokens.ReadWebinars(token, account.Id, binding)) is null)
        {
            return ZoomErrors.BadPageToken(http);
        }

        var rangeStart = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rangeEnd = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // A month of one account's instances is small: read them once, count them, and page by keyset in memory.
        IReadOnlyList<WebinarInstance> all = (await store.ListInstancesAsync(account.Id, type, rangeStart, rangeEnd, null, MaxInstancesPerRange, surface.Kind, http.RequestAborted)).Instances;
        if (pastOne)
        {
            var single = new List<WebinarInstance>();
            foreach (var instance in all)
            {
                if (await store.CountParticipantsAsync(instance.Uuid, http.RequestAborted) == 1)
                {
                    single.Add(instance);
                }
            }

            all = single;
        }

        var remaining = after is null ? all : all.SkipWhile(i => !After(i, after)).ToList();
        var pageInstances = remaining.Take(pageSize).ToList();
        var summaries = new List<WebinarSummary>(pageInstances.Count);
        foreach (var instance in pageInstances)
        {
            var summary = await SummaryAsync(store, instance, options.TimeProvider, http.RequestAborted);
            summaries.Add(tracking ? WithTrackingFields(summary) : summary);
        }

        var last = pageInstances.Count > 0 ? pageInstances[^1] : null;
        var nextCursor = remaining.Count > pageSize && last is not null ? new InstanceCursor(StorageKeys.ToMs(last.StartTime), last.Uuid) : null;
        var total = all.Count;
        var (fromText, toText) = (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        http.Metrics().PageServed(http, summaries.Count);
        var (pages, next) = (total == 0 ? 0 : (total + pageSize - 1) / pageSize, nextCursor is null ? string.Empty : pageTokens.IssueWebinars(account.Id, binding, nextCursor));
        return surface.Kind == QosEventKind.Meeting
            ? TypedResults.Json(
                new MeetingListPage { From = fromText, To = toText, PageCount = pages, PageSize = pageSize, TotalRecords = total, NextPageToken = next, Meetings = summaries },
                ZoomJsonContext.Wire.MeetingListPage)
            : TypedResults.Json(
                new WebinarListPage { From = fromText, To = toText, PageCount = pages, PageSize = pageSize, TotalRecords = total, NextPageToken = next, Webinars = summaries },
                ZoomJsonContext.Wire.WebinarListPage);
    }

    private static async Task<WebinarSummary> SummaryAsync(IQosStore store, WebinarInstance instance, TimeProvider time, CancellationToken cancellationToken)
    {
        var duration = (instance.EndTime ?? time.GetUtcNow()) - instance.StartTime;
        return InstanceListFields.Apply(new WebinarSummary
        {
            Uuid = instance.Uuid,
            Id = instance.WebinarId,
            Topic = instance.Topic,
            Host = instance.HostName,
            Email = instance.HostEmail,
            UserType = "Licensed",
            StartTime = ZoomTimestamp.FromDateTimeOffset(instance.StartTime),
            EndTime = instance.EndTime is { } end ? ZoomTimestamp.FromDateTimeOffset(end) : ZoomTimestamp.Parse(string.Empty),
            Duration = string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours:00}:{duration.Minutes:00}:{duration.Seconds:00}"),
            Participants = await store.CountParticipantsAsync(instance.Uuid, cancellationToken),
        }, instance.ListFields);
    }

    // Tracking fields kept with the instance's list fields are its own; an instance without any has none.
    private static WebinarSummary WithTrackingFields(WebinarSummary summary) =>
        summary.ExtensionData?.ContainsKey("tracking_fields") == true
            ? summary
            : summary with { ExtensionData = new(summary.ExtensionData ?? [], StringComparer.Ordinal) { ["tracking_fields"] = NoTrackingFields } };

    private static readonly System.Text.Json.JsonElement NoTrackingFields = System.Text.Json.JsonDocument.Parse("[]").RootElement.Clone();

    // The store's order: start time, then UUID compared byte-wise (ordinal), as SQLite does.
    private static bool After(WebinarInstance instance, InstanceCursor cursor)
    {
        var start = StorageKeys.ToMs(instance.StartTime);
        return start > cursor.StartMs || (start == cursor.StartMs && string.CompareOrdinal(instance.Uuid, cursor.Uuid) > 0);
    }

    private static DateOnly? ReadDate(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1
        && DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
