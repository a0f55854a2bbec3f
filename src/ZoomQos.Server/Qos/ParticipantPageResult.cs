using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunityToolkit.HighPerformance.Buffers;
using Microsoft.AspNetCore.Http;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// A list page: the envelope and the stored participant objects, encoded once into one buffer (<see cref="Encode"/>;
/// the stored JSON is already what Zoom would send, so it is copied, not parsed or re-serialized), then written with
/// the request's own next page token spliced in where <see cref="IPageBytes.TokenAt"/> says. An ended instance's
/// encoded page is kept (<see cref="PageCache"/>) and sent again with one copy, from the file it is kept in.
/// </summary>
internal sealed class ParticipantPageResult(IPageBytes page, string nextPageToken) : IResult
{
    // Written in parts of this size, each flushed: a slow reader holds Kestrel's buffers for one part, not the page.
    private const int Part = 256 * 1024;

    /// <summary>
    /// Encodes <paramref name="page"/> as <c>{"page_count":…,"page_size":…,"total_records":…,"next_page_token":"",
    /// "webinar_number" (or "meeting_number"):…,"participants":[…]}</c>, the token's place marked.
    /// </summary>
    public static EncodedPage Encode(long total, int pageSize, string numberField, string number, ParticipantPage page, bool blank)
    {
        ArgumentNullException.ThrowIfNull(page);
        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"page_count\":{(total == 0 ? 0 : (total + pageSize - 1) / pageSize)},\"page_size\":{pageSize},\"total_records\":{total},\"next_page_token\":\""));
        var mid = Encoding.UTF8.GetBytes($"\",\"{Json(numberField)}\":\"{Json(number)}\",\"participants\":[");
        var participants = page.Participants;
        var length = head.Length + mid.Length + 2 + participants.Sum(p => p.SessionJson.Length + 16 + p.SampleJson.Sum(s => s.Length + 1)) + participants.Count;
        // Pooled: a page is about 1 MB, and a new array each would be on the large-object heap, every walk of a large
        // webinar a gen-2 collection every other page. The caller disposes the page once it is sent (and kept).
        var buffer = new ArrayPoolBufferWriter<byte>(length);
        buffer.Write(head);
        buffer.Write(mid);
        for (var i = 0; i < participants.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            if (blank)
            {
                buffer.Write(PrivacyBlanking.Apply(participants[i].Json).Span);
            }
            else
            {
                participants[i].WriteTo(buffer);
            }
        }

        buffer.Write("]}"u8);
        return new EncodedPage(buffer.WrittenMemory, head.Length, page.Next, participants.Count, buffer);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var token = Encoding.UTF8.GetBytes(Json(nextPageToken));
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = page.Length + token.Length;
        var body = response.BodyWriter;
        page.CopyTo(body, 0, page.TokenAt);
        body.Write(token);
        for (var at = page.TokenAt; at < page.Length; at += Part)
        {
            page.CopyTo(body, at, Math.Min(Part, page.Length - at));
            await body.FlushAsync(httpContext.RequestAborted);
        }
    }

    // A string's content as the wire's JSON writer escapes it (what Utf8JsonWriter.WriteString wrote here before).
    private static string Json(string value) => JsonEncodedText.Encode(value, ZoomJsonContext.WireWriterOptions.Encoder).ToString();
}
