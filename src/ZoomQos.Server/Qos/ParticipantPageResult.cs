using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// Writes the list envelope and the stored participant objects straight into the response pipe: the stored
/// JSON is already what Zoom would send, so it is copied once, not joined, parsed or re-serialized.
/// </summary>
internal sealed class ParticipantPageResult(long total, int pageSize, string nextPageToken, string numberField, string number, ParticipantPage page, bool blank) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // Every byte is copied into the response pipe by Write, so the page's pooled buffers go back afterwards.
        using var owned = page;
        var participants = page.Participants;
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var body = httpContext.Response.BodyWriter;
        body.Write(Envelope());
        for (var i = 0; i < participants.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            if (blank)
            {
                body.Write(PrivacyBlanking.Apply(participants[i].Json).Span);
            }
            else
            {
                participants[i].WriteTo(body);
            }

            if (body.UnflushedBytes > 256 * 1024)
            {
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }

        body.Write("]}"u8);
        await body.FlushAsync(httpContext.RequestAborted);
    }

    // {"page_count":…,"page_size":…,"total_records":…,"next_page_token":…,"webinar_number" (or "meeting_number"):…,"participants":[
    private byte[] Envelope()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, ZoomJsonContext.WireWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("page_count"u8, total == 0 ? 0 : (total + pageSize - 1) / pageSize);
            writer.WriteNumber("page_size"u8, pageSize);
            writer.WriteNumber("total_records"u8, total);
            writer.WriteString("next_page_token"u8, nextPageToken);
            writer.WriteString(numberField, number);
            writer.WriteStartArray("participants"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
