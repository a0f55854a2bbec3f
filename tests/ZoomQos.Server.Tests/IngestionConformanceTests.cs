using System.Net;
using System.Text;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>The ingestion API (ours): instances and NDJSON participants, with <c>qos:write</c>.</summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class IngestionConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    private const string Uuid = "Ingested+Uuid/Test0000w==";
    private static readonly string Path = "/v2/ingest/instances/" + Uri.EscapeDataString(Uri.EscapeDataString(Uuid));

    private ZoomApi Api => demo.Api;

    private Task<string> IngestTokenAsync() => Api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");

    [SkippableFact]
    public async Task An_instance_and_its_ndjson_participants_are_stored_and_served_back_unchanged()
    {
        var ingest = await IngestTokenAsync();
        var source = await Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10", await Api.TokenAsync());
        var lines = source.Json!["participants"]!.AsArray().Select(p => p!.ToJsonString()).ToList();

        var put = await Api.SendAsync(HttpMethod.Put, Path, ingest, Json("""{"webinar_id":81234567999,"topic":"Ingested","host_name":"Ada","host_email":"ada@example.com","start_time":"2026-11-20T10:00:00Z","end_time":"2026-11-20T11:00:00Z"}"""));
        var post = await Api.SendAsync(HttpMethod.Post, Path + "/participants", ingest, Ndjson(string.Join("\n", lines) + "\n\n"));
        var again = await Api.SendAsync(HttpMethod.Post, Path + "/participants", ingest, Ndjson(string.Join("\r\n", lines)));
        var served = await Api.GetAsync($"/v2/metrics/webinars/{Uri.EscapeDataString(Uri.EscapeDataString(Uuid))}/participants/qos?type=past&page_size=10", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(10, post.Json!["sessions_written"]!.GetValue<long>());
        Assert.Equal(0, again.Json!["sessions_written"]!.GetValue<long>());
        Assert.Equal(10, again.Json["sessions_unchanged"]!.GetValue<long>());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(source.Json["participants"], served.Json!["participants"]));
    }

    [SkippableFact]
    public async Task An_instance_whose_data_is_withheld_answers_can_not_access_webinar_info()
    {
        var ingest = await IngestTokenAsync();
        var token = await Api.TokenAsync();
        var end = demo.Time.GetUtcNow().AddDays(-250);
        var body = $$"""{"webinar_id":81234567997,"start_time":"{{end.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}","end_time":"{{end:yyyy-MM-ddTHH:mm:ssZ}}","data_withheld":true}""";

        var put = await Api.SendAsync(HttpMethod.Put, Path + "3", ingest, Json(body));
        var byId = await Api.GetAsync("/v2/metrics/webinars/81234567997/participants/qos?type=past", token);
        var byUuid = await Api.GetAsync($"/v2/metrics/webinars/{Uri.EscapeDataString(Uri.EscapeDataString(Uuid + "3"))}/participants/qos?type=past", token);
        var one = await Api.GetAsync("/v2/metrics/webinars/81234567997/participants/1/qos?type=past", token);
        var released = await Api.SendAsync(HttpMethod.Put, Path + "3", ingest, Json(body.Replace("true", "false", StringComparison.Ordinal)));
        var after = await Api.GetAsync("/v2/metrics/webinars/81234567997/participants/qos?type=past", token);

        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        foreach (var answer in new[] { byId, byUuid, one })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal(300, answer.Code);
        }

        Assert.Equal("Can not access webinar info, 81234567997.", byId.Json!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, released.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [SkippableFact]
    public async Task A_bad_line_is_reported_by_number_and_nothing_of_the_body_is_kept()
    {
        var ingest = await IngestTokenAsync();
        await Api.SendAsync(HttpMethod.Put, Path + "2", ingest, Json("""{"webinar_id":81234567998,"start_time":"2026-11-20T10:00:00Z","end_time":"2026-11-20T11:00:00Z"}"""));

        var answer = await Api.SendAsync(HttpMethod.Post, Path + "2/participants", ingest, Ndjson("""
            {"user_id":"1","join_time":"2026-11-20T10:00:05Z","user_qos":[]}
            {"user_id":"2","join_time":"2026-11-20T10:00:06Z","user_qos":[]}
            {"user_id":"3", this is not json
            {"user_id":"4","user_qos":[]}
            """));
        var served = await Api.GetAsync($"/v2/metrics/webinars/{Uri.EscapeDataString(Uri.EscapeDataString(Uuid + "2"))}/participants/qos?type=past", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(300, answer.Code);
        Assert.Equal("line 3", answer.Json!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(0, served.Json!["total_records"]!.GetValue<long>());
    }

    [SkippableTheory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"user_id\":\"1\"} {\"user_id\":\"2\"}")]
    [InlineData("{\"user_id\":\"1\",\"user_qos\":[{\"audio_input\":{\"a\":[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]}}]}")]
    public async Task Lines_that_are_not_one_participant_object_are_refused(string line)
    {
        var ingest = await IngestTokenAsync();
        await Api.SendAsync(HttpMethod.Put, Path + "3", ingest, Json("""{"webinar_id":81234567997,"start_time":"2026-11-20T10:00:00Z"}"""));

        var answer = await Api.SendAsync(HttpMethod.Post, Path + "3/participants", ingest, Ndjson(line));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("line 1", answer.Json!["errors"]![0]!["field"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Ingestion_needs_qos_write_and_cannot_touch_another_accounts_webinar()
    {
        var reader = await Api.TokenAsync();
        var ingest = await IngestTokenAsync();

        var noScope = await Api.SendAsync(HttpMethod.Put, Path + "4", reader, Json("""{"webinar_id":81234567996,"start_time":"2026-11-20T10:00:00Z"}"""));
        var takeOver = await Api.SendAsync(HttpMethod.Put, "/v2/ingest/instances/x4", ingest, Json("""{"webinar_id":82234567890,"start_time":"2026-11-20T10:00:00Z"}"""));
        var foreignInstance = await Api.SendAsync(HttpMethod.Post, "/v2/ingest/instances/nope/participants", ingest, Ndjson("{}"));
        var badBody = await Api.SendAsync(HttpMethod.Put, Path + "5", ingest, Json("not json"));
        var missingStart = await Api.SendAsync(HttpMethod.Put, Path + "5", ingest, Json("""{"webinar_id":81234567995}"""));

        Assert.Equal(4711, noScope.Code);
        Assert.Equal(HttpStatusCode.Conflict, takeOver.Status);
        Assert.Equal(3001, foreignInstance.Code);
        Assert.Equal(300, badBody.Code);
        Assert.Equal("start_time", missingStart.Json!["errors"]![0]!["field"]!.GetValue<string>());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");
}

[Collection(SharedDemoServer.Name)]
public sealed class IngestionConformanceOnSqlite(DemoServer demo) : IngestionConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class IngestionConformanceOnPostgres(PostgresDemoServer demo) : IngestionConformanceTests(demo);
