using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Auth;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Qos;
using ZoomQos.Server.Telemetry;
using ZoomQos.Storage;

namespace ZoomQos.Server.Ingestion;

/// <summary>
/// Ingestion (ours, scope <c>qos:write</c>): <c>PUT /v2/ingest/instances/{uuid}</c> creates or updates an
/// instance; <c>POST /v2/ingest/instances/{uuid}/participants</c> merges an NDJSON body of participant objects,
/// streamed, all-or-nothing, a bad line reported by number.
/// </summary>
internal static class IngestionEndpoints
{
    // Raw path segments: v2 / ingest / instances / {uuid} / participants
    private const int UuidSegment = 3;

    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/ingest/instances/{uuid}").WithTags("Ingestion");
        group.MapPut("/", PutInstance).WithName("ingestInstance").WithSummary("Create or update a webinar instance");
        group.MapPost("/participants", PostParticipants).WithName("ingestParticipants").WithSummary("Merge NDJSON participant objects");
        return routes;
    }

    private static async Task<IResult> PutInstance(HttpContext http, ZoomGate gate, IQosStore store)
    {
        var (account, error) = await gate.AdmitAsync(http, ZoomOperation.Ingest);
        if (account is null)
        {
            return error!;
        }

        var uuid = RawPath.Segment(http, UuidSegment) ?? string.Empty;
        if (uuid.Length is 0 or > 128)
        {
            return ZoomErrors.ValidationFailed("uuid");
        }

        InstanceBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(http.Request.Body, ServerJsonContext.Default.InstanceBody, http.RequestAborted);
        }
        catch (JsonException)
        {
            return ZoomErrors.ValidationFailed("body", "The body is not a JSON instance object.");
        }

        if (body is null || body.WebinarId is <= 0 or > 99_999_999_999)
        {
            return ZoomErrors.ValidationFailed("webinar_id");
        }

        if (body.StartTime == default)
        {
            return ZoomErrors.ValidationFailed("start_time");
        }

        if (body.EndTime is { } end && end < body.StartTime)
        {
            return ZoomErrors.ValidationFailed("end_time", "The end is before the start.");
        }

        var instance = new WebinarInstance(uuid, body.WebinarId, account.Id, body.Topic ?? string.Empty, body.HostName ?? string.Empty, body.HostEmail ?? string.Empty, body.StartTime, body.EndTime)
        {
            DataWithheld = body.DataWithheld ?? false,
        };
        try
        {
            await store.UpsertInstanceAsync(instance, http.RequestAborted);
        }
        catch (QosStoreConflictException)
        {
            return ZoomErrors.Write(409, 300, "The instance UUID or webinar ID is already in use.");
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> PostParticipants(HttpContext http, ZoomGate gate, IQosStore store, ServerOptions options)
    {
        var (account, error) = await gate.AdmitAsync(http, ZoomOperation.Ingest);
        if (account is null)
        {
            return error!;
        }

        var uuid = RawPath.Segment(http, UuidSegment) ?? string.Empty;
        var instance = uuid.Length is > 0 and <= 128 ? await store.ResolveInstanceAsync(account.Id, uuid, QosListType.Past, http.RequestAborted) : null;
        if (instance is null)
        {
            return ZoomErrors.InstanceNotFound(QosSurface.Webinars);
        }

        if (http.Request.ContentLength > options.MaxIngestBytes)
        {
            return ZoomErrors.TooLarge(options.MaxIngestBytes);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxIngestBytes + 1;
        }

        try
        {
            var result = await store.MergeParticipantsAsync(
                instance.Uuid,
                NdjsonParticipants.ReadAsync(http.Request.BodyReader, options.MaxIngestBytes, http.RequestAborted),
                http.RequestAborted);
            http.Metrics().Merged();
            return TypedResults.Json(
                new IngestResult(result.SessionsWritten, result.SessionsUnchanged, result.SamplesWritten, result.SamplesUnchanged),
                IngestJsonContext.Default.IngestResult);
        }
        catch (NdjsonLineException ex)
        {
            http.Metrics().LinesRefused(1);
            return ZoomErrors.Write(400, 300, "Validation Failed.", [new ZoomFieldError($"line {ex.Line}", ex.Reason ?? ex.Message)]);
        }
        catch (NdjsonTooLargeException ex)
        {
            return ZoomErrors.TooLarge(ex.Limit);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ZoomErrors.TooLarge(options.MaxIngestBytes);
        }
    }
}

/// <summary>What a merge changed, as the ingestion API reports it.</summary>
internal sealed record IngestResult(long SessionsWritten, long SessionsUnchanged, long SamplesWritten, long SamplesUnchanged);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IngestResult))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
