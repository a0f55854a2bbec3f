using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Telemetry;
using ZoomQos.Server.Webhooks;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// <c>GET /v2/metrics/webinars/{webinarId}/participants/qos_summary</c> and the meetings' (Zoom's QSS API): one line per participant, each
/// stream's minimum, average and maximum over its stored minutes, 1 to 10 a page by <c>next_page_token</c>, no <c>type</c>
/// (an ID means its latest ended instance, else the one in progress). The instance rules, page tokens, privacy blanking and
/// rate limits are the list's; an account without a QoS Subscription gets code 200, "event subscription not found".
/// </summary>
internal static class QosSummaryEndpoints
{
    // Raw path segments: v2 / metrics / webinars|meetings / {id} / participants / qos_summary
    private const int IdSegment = 3;

    public static IEndpointRouteBuilder MapQosSummaries(this IEndpointRouteBuilder routes)
    {
        foreach (var route in QosRoute.All)
        {
            routes.MapGet($"{route.Base}/{{{route.Surface.Noun}Id}}/participants/qos_summary", (HttpContext http, ZoomGate gate, InstanceRules instances, PageTokens pageTokens, IQosStore store, PageSlots slots) =>
                    ListAsync(route, http, gate, instances, pageTokens, store, slots))
                .WithTags("QSS")
                .WithName(route.Name("ParticipantsQOSSummary"))
                .WithSummary($"List {route.Surface.Noun} participants' QoS summaries");
        }

        return routes;
    }

    private static async Task<IResult> ListAsync(QosRoute route, HttpContext http, ZoomGate gate, InstanceRules instances, PageTokens pageTokens, IQosStore store, PageSlots slots)
    {
        var surface = route.Surface;
        var (account, error) = await gate.AdmitAsync(http, route.Operations.ListParticipantsQosSummary);
        if (account is null)
        {
            return error!;
        }

        if (!account.QssSubscription)
        {
            return ZoomErrors.Write(400, 200, "event subscription not found");
        }

        var query = http.Request.Query;
        if (!QueryRules.TryPageSize(query, fallback: 1, max: 10, out var pageSize))
        {
            return ZoomErrors.ValidationFailed("page_size");
        }

        if (!QueryRules.TryPageToken(query, out var token))
        {
            return ZoomErrors.BadPageToken(http);
        }

        var id = RawPath.Segment(http, route.Segment(IdSegment)) ?? string.Empty;
        var (instance, notFound) = await instances.ResolveAsync(surface, account, id, QosListType.Past, ZoomErrors.InstanceNotFound(surface), http.RequestAborted);
        var type = QosListType.Past;
        if (instance is null && id.All(char.IsAsciiDigit) && id.Length > 0)
        {
            (instance, var none) = await instances.ResolveAsync(surface, account, id, QosListType.Live, ZoomErrors.InstanceNotFound(surface), http.RequestAborted);
            (type, notFound) = (QosListType.Live, instance is null ? notFound ?? none : null);
        }

        if (instance is null)
        {
            return notFound!;
        }

        ParticipantCursor? after = null;
        if (token.Length > 0 && (after = pageTokens.Read(token, account.Id, instance.Uuid, type)) is null)
        {
            return ZoomErrors.BadPageToken(http);
        }

        using var slot = await slots.EnterAsync(http.RequestAborted);
        using var page = await store.ReadParticipantsAsync(instance.Uuid, after, pageSize, http.RequestAborted);
        var participants = new JsonArray();
        foreach (var stored in page.Participants)
        {
            var participant = stored.ToParticipant();
            participants.Add(new JsonObject
            {
                ["id"] = participant.Id ?? string.Empty,
                ["participant_id"] = participant.UserId ?? string.Empty,
                ["user_name"] = account.PrivacyBlanking ? string.Empty : participant.UserName ?? string.Empty,
                ["email"] = account.PrivacyBlanking ? string.Empty : participant.Email ?? string.Empty,
                ["qos"] = QssSummaryItems.Of(participant, withWifi: false),
            });
        }

        var body = new JsonObject
        {
            ["next_page_token"] = page.Next is null ? string.Empty : pageTokens.Issue(account.Id, instance.Uuid, type, page.Next),
            ["page_size"] = pageSize,
            ["participants"] = participants,
        };
        http.Metrics().PageServed(http, page.Participants.Count);
        return TypedResults.Bytes(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString(SummaryJson)), "application/json; charset=utf-8");
    }

    private static readonly JsonSerializerOptions SummaryJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
