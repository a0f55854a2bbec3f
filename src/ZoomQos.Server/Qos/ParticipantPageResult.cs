using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ZoomQos.Server.Qos;

/// <summary>
/// Writes the list envelope and the stored participant objects straight to the response: the participants
/// are already the exact JSON Zoom would send, so they are copied, not re-serialized.
/// </summary>
internal sealed class ParticipantPageResult(long total, int pageSize, string nextPageToken, string webinarNumber, IReadOnlyList<ReadOnlyMemory<byte>> participants) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteNumber("page_count"u8, total == 0 ? 0 : (total + pageSize - 1) / pageSize);
            writer.WriteNumber("page_size"u8, pageSize);
            writer.WriteNumber("total_records"u8, total);
            writer.WriteString("next_page_token"u8, nextPageToken);
            writer.WriteString("webinar_number"u8, webinarNumber);
            writer.WriteStartArray("participants"u8);
            foreach (var participant in participants)
            {
                writer.WriteRawValue(participant.Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
