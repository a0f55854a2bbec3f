using System.Text;
using System.Text.Json;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Client.Tests;

/// <summary>The walk that keeps each session as the JSON the API sent: the same bytes, the same sessions as the parsed walk.</summary>
public class ParticipantJsonWalkTests
{
    private static readonly ZoomQosClientOptions Options = new() { BaseUri = new Uri("https://api.zoom.test/v2") };

    // Two pages, spaced and escaped as a server may write them, with fields we do not know.
    private const string First = """
        { "page_size": 2, "total_records": 3, "next_page_token": "t2",
          "participants": [ {"user_id":"1","user_name":"Ada \u00e9 \"quoted\"","user_qos":[{"date_time":"2026-11-26T12:01:00Z","cpu_usage":{"zoom_avg_cpu_usage":"8%"}}],"new_field":{"a":[1,2,{"b":null}]}},
                            {"user_id":"2","user_name":"Grace","user_qos":[]} ] }
        """;

    private const string Second = """{"page_size":2,"total_records":3,"next_page_token":"","participants":[{"user_name":"no id"},{"user_id":"3","user_qos":[]}]}""";

    [Fact]
    public async Task Each_session_is_the_servers_bytes_and_parses_to_what_the_parsed_walk_yields()
    {
        using var stub = new StubHandler(r => StubHandler.Json(r.RequestUri!.Query.Contains("next_page_token=t2", StringComparison.Ordinal) ? Second : First));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var pages = await client.GetParticipantsQosJsonAsync(QosEventKind.Webinar, "81234567890", QosListType.Past).AsPages().ToListAsync();
        var parsed = await client.GetParticipantsQosAsync(QosEventKind.Webinar, "81234567890", QosListType.Past).ToListAsync();

        Assert.Equal([3L, 3L], pages.Select(p => p.TotalRecords));
        Assert.Equal(["t2", null], pages.Select(p => p.ContinuationToken));
        var sessions = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(["1", "2", null, "3"], sessions.Select(s => s.UserId));
        Assert.Equal(
            """{"user_id":"1","user_name":"Ada \u00e9 \"quoted\"","user_qos":[{"date_time":"2026-11-26T12:01:00Z","cpu_usage":{"zoom_avg_cpu_usage":"8%"}}],"new_field":{"a":[1,2,{"b":null}]}}""",
            Encoding.UTF8.GetString(sessions[0].Utf8.Span));
        Assert.Equal("""{"user_name":"no id"}""", Encoding.UTF8.GetString(sessions[2].Utf8.Span));
        Assert.Equal(
            parsed.Select(p => JsonSerializer.Serialize(p, ZoomJsonContext.Wire.ParticipantQos)),
            sessions.Select(s => JsonSerializer.Serialize(JsonSerializer.Deserialize(s.Utf8.Span, ZoomJsonContext.Default.ParticipantQos)!, ZoomJsonContext.Wire.ParticipantQos)));
    }

    [Fact]
    public async Task A_session_written_over_several_lines_comes_out_on_one_with_its_values_untouched()
    {
        const string Pretty = "{\n  \"next_page_token\": \"\",\n  \"participants\": [\n    {\n      \"user_id\": \"7\",\n      \"user_name\": \"A \\\"b\\\" \\\\ c  d\",\n      \"user_qos\": [ { \"date_time\": \"2026-11-26T12:01:00Z\" } ]\n    }\n  ]\n}";
        using var stub = new StubHandler(_ => StubHandler.Json(Pretty));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var session = Assert.Single(await client.GetParticipantsQosJsonAsync(QosEventKind.Webinar, "81234567890", QosListType.Past).ToListAsync());

        Assert.Equal("""{"user_id":"7","user_name":"A \"b\" \\ c  d","user_qos":[{"date_time":"2026-11-26T12:01:00Z"}]}""", Encoding.UTF8.GetString(session.Utf8.Span));
    }

    [Theory]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("""{"participants":[1]}""", "not an object")]
    public async Task A_page_that_is_not_a_participants_object_is_a_clear_error(string body, string says)
    {
        using var stub = new StubHandler(_ => StubHandler.Json(body));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var error = await Assert.ThrowsAsync<ZoomApiException>(async () => await client.GetParticipantsQosJsonAsync(QosEventKind.Meeting, "85234567890").ToListAsync());

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains("GET metrics/meetings/85234567890/participants/qos answered 200", error.Message, StringComparison.Ordinal);
    }
}
