using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Telemetry;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// The two QoS routes of contract section 1, for webinars and for meetings (<see cref="QosSurface"/>), an account's own and a
/// master account's over a sub-account (<see cref="QosRoute"/>): list participant QoS (the seed) and get one participant's QoS.
/// </summary>
internal static class QosEndpoints
{
    // Raw path segments: v2 / metrics / webinars|meetings / {id} / participants / {participantId} / qos
    private const int IdSegment = 3;
    private const int ParticipantIdSegment = 5;

    public static IEndpointRouteBuilder MapQos(this IEndpointRouteBuilder routes)
    {
        foreach (var route in QosRoute.All)
        {
            var group = routes.MapGroup($"{route.Base}/{{{route.Surface.Noun}Id}}/participants").WithTags("Dashboards");
            group.MapGet("/qos", (HttpContext http, ZoomGate gate, InstanceRules instances, PageTokens pageTokens, IQosStore store, PageSlots slots, PageCache cache) =>
                    ListParticipantsQos(route, http, gate, instances, pageTokens, store, slots, cache))
                .WithName(route.Name("ParticipantsQOS"))
                .WithSummary($"List {route.Surface.Noun} participant QoS");
            group.MapGet("/{participantId}/qos", (HttpContext http, ZoomGate gate, InstanceRules instances, IQosStore store) =>
                    GetParticipantQos(route, http, gate, instances, store))
                .WithName(route.Name("ParticipantQOS"))
                .WithSummary($"Get {route.Surface.Noun} participant QoS");
        }

        return routes;
    }

    private static Task Send(IPageBytes page, HttpContext http, PageTokens pageTokens, string account, string instanceUuid, Contracts.Qos.QosListType type)
    {
        http.Metrics().PageServed(http, page.Rows);
        return new ParticipantPageResult(page, page.Next is null ? string.Empty : pageTokens.Issue(account, instanceUuid, type, page.Next)).ExecuteAsync(http);
    }

    private static async Task<IResult> ListParticipantsQos(QosRoute route, HttpContext http, ZoomGate gate, InstanceRules instances, PageTokens pageTokens, IQosStore store, PageSlots slots, PageCache cache)
    {
        var surface = route.Surface;
        var (account, error) = await gate.AdmitAsync(http, route.Operations.ListParticipantsQos);
        if (account is null)
        {
            return error!;
        }

        var query = http.Request.Query;
        if (!QueryRules.TryType(query, out var type))
        {
            return ZoomErrors.ValidationFailed("type");
        }

        if (!QueryRules.TryPageSize(query, fallback: 1, max: 10, out var pageSize))
        {
            return ZoomErrors.ValidationFailed("page_size");
        }

        if (!QueryRules.TryPageToken(query, out var token))
        {
            return ZoomErrors.BadPageToken(http);
        }

        var id = RawPath.Segment(http, route.Segment(IdSegment)) ?? string.Empty;
        var (instance, notFound) = await instances.ResolveAsync(surface, account, id, type, ZoomErrors.InstanceNotFound(surface), http.RequestAborted);
        if (instance is null)
        {
            return notFound!;
        }

        ParticipantCursor? after = null;
        if (token.Length > 0 && (after = pageTokens.Read(token, account.Id, instance.Uuid, type)) is null)
        {
            return ZoomErrors.BadPageToken(http);
        }

        var state = await store.ReadPageStateAsync(instance.Uuid, http.RequestAborted);
        var number = instance.WebinarId.ToString(CultureInfo.InvariantCulture);
        var key = new PageKey(instance.Uuid, state, after, pageSize, account.PrivacyBlanking, surface.NumberField, number);

        // An ended instance's page may be kept; a live one changes every minute and is read once by each walk.
        if (!instance.IsLive && cache.Find(key) is { } kept)
        {
            using (kept)
            {
                await Send(kept, http, pageTokens, account.Id, instance.Uuid, type);
            }

            return Results.Empty;
        }

        // The page is read, encoded and written within its slot, so the memory it holds is bounded by the slots (PageSlots).
        using var slot = await slots.EnterAsync(http.RequestAborted);
        EncodedPage encoded;
        using (var page = await store.ReadParticipantsAsync(instance.Uuid, after, pageSize, http.RequestAborted))
        {
            encoded = ParticipantPageResult.Encode(state.Participants, pageSize, surface.NumberField, number, page, account.PrivacyBlanking);
        }

        // Kept once it is sent: writing its file is not the waiting client's time. Then its buffer goes back to the pool.
        using (encoded)
        {
            await Send(encoded, http, pageTokens, account.Id, instance.Uuid, type);
            if (!instance.IsLive)
            {
                cache.Keep(key, encoded);
            }
        }

        return Results.Empty;
    }

    private static async Task<IResult> GetParticipantQos(QosRoute route, HttpContext http, ZoomGate gate, InstanceRules instances, IQosStore store)
    {
        var surface = route.Surface;
        var (account, error) = await gate.AdmitAsync(http, route.Operations.GetParticipantQos);
        if (account is null)
        {
            return error!;
        }

        if (!QueryRules.TryType(http.Request.Query, out var type))
        {
            return ZoomErrors.ValidationFailed("type");
        }

        var id = RawPath.Segment(http, route.Segment(IdSegment)) ?? string.Empty;
        var (instance, notFound) = await instances.ResolveAsync(surface, account, id, type, ZoomErrors.ParticipantNotFound(surface), http.RequestAborted);
        if (instance is null)
        {
            return notFound!;
        }

        var participantId = RawPath.Segment(http, route.Segment(ParticipantIdSegment)) ?? string.Empty;
        var participant = participantId.Length is > 0 and <= 256
            ? await store.GetParticipantAsync(instance.Uuid, participantId, http.RequestAborted)
            : null;
        if (participant is null)
        {
            return ZoomErrors.ParticipantNotFound(surface);
        }

        var json = account.PrivacyBlanking ? PrivacyBlanking.Apply(participant.Json) : participant.Json;
        return TypedResults.Bytes(surface.Kind == QosEventKind.Meeting ? WithMeetingNumber(json, instance.WebinarId) : json.ToArray(), "application/json; charset=utf-8");
    }

    // A meeting participant's answer names the meeting, as Zoom's get-one schema has it (the list's page does that once).
    private static byte[] WithMeetingNumber(ReadOnlyMemory<byte> json, long meetingId)
    {
        var participant = JsonNode.Parse(json.Span)!.AsObject();
        participant["meeting_number"] = meetingId.ToString(CultureInfo.InvariantCulture);
        return System.Text.Encoding.UTF8.GetBytes(participant.ToJsonString(ZoomJsonContext.Wire.Options));
    }
}
