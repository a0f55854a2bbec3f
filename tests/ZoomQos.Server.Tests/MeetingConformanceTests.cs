using System.Net;
using System.Text.Json.Nodes;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>
/// The meetings' QoS surface over real HTTP, on both stores: <c>GET /metrics/meetings</c> (live, past, pastOne), the
/// participants' QoS and one participant's, with the webinar routes' rules and the meeting wording, one test per rule.
/// </summary>
public abstract class MeetingConformanceTests(DemoServer demo)
{
    private const string Weekly = "85234567890";
    private const string LiveMeeting = "85234567891";
    private readonly DemoServer _required = demo.RequireAvailable();

    [SkippableFact]
    public async Task The_meetings_list_has_the_meetings_and_no_webinar_and_the_webinars_list_no_meeting()
    {
        var token = await demo.Api.TokenAsync();
        var (from, to) = Range(25);

        var live = await demo.Api.GetAsync("/v2/metrics/meetings?type=live", token);
        var past = await demo.Api.GetAsync($"/v2/metrics/meetings?type=past&from={from}&to={to}", token);
        var webinars = await demo.Api.GetAsync($"/v2/metrics/webinars?type=past&from={from}&to={to}&page_size=300", token);

        Assert.Equal([LiveMeeting], Ids(live.Json, "meetings"));
        Assert.Equal("", live.Json!["meetings"]![0]!["end_time"]!.GetValue<string>());
        Assert.Equal(12, live.Json["meetings"]![0]!["participants"]!.GetValue<int>());
        Assert.Equal([Weekly, Weekly, Weekly], Ids(past.Json, "meetings"));
        Assert.Null(past.Json!["webinars"]);
        Assert.DoesNotContain(Weekly, Ids(webinars.Json, "webinars"));
        Assert.NotEmpty(Ids(webinars.Json, "webinars"));
    }

    [SkippableFact]
    public async Task Past_meetings_page_by_token_and_pastOne_is_a_meetings_type_only()
    {
        var token = await demo.Api.TokenAsync();
        var (from, to) = Range(25);
        var seen = new List<string>();
        var next = string.Empty;
        do
        {
            var page = await demo.Api.GetAsync($"/v2/metrics/meetings?type=past&from={from}&to={to}&page_size=1" + (next.Length > 0 ? "&next_page_token=" + Uri.EscapeDataString(next) : string.Empty), token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(3, page.Json!["total_records"]!.GetValue<int>());
            seen.Add(page.Json["meetings"]![0]!["uuid"]!.GetValue<string>());
            next = page.Json["next_page_token"]!.GetValue<string>();
        }
        while (next.Length > 0);

        var pastOne = await demo.Api.GetAsync($"/v2/metrics/meetings?type=pastOne&from={from}&to={to}", token);
        var webinarPastOne = await demo.Api.GetAsync($"/v2/metrics/webinars?type=pastOne&from={from}&to={to}", token);
        var noFrom = await demo.Api.GetAsync("/v2/metrics/meetings?type=past", token);
        var forged = await demo.Api.GetAsync($"/v2/metrics/meetings?type=past&from={from}&to={to}&next_page_token=forged", token);

        Assert.Equal(3, seen.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, pastOne.Status);
        Assert.Empty(pastOne.Json!["meetings"]!.AsArray()); // every meeting of the demo had more than one participant
        Assert.Equal((HttpStatusCode.BadRequest, 300), (webinarPastOne.Status, webinarPastOne.Code));
        Assert.Equal("This field is required.", noFrom.Json!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(300, forged.Code);
    }

    [SkippableFact]
    public async Task A_meeting_id_means_its_latest_instance_walked_by_token_with_meeting_number_and_meeting_fields()
    {
        var token = await demo.Api.TokenAsync();
        var sessions = new List<JsonNode>();
        var next = string.Empty;
        do
        {
            var page = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos?type=past&page_size=10" + (next.Length > 0 ? "&next_page_token=" + Uri.EscapeDataString(next) : string.Empty), token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(Weekly, page.Json!["meeting_number"]!.GetValue<string>());
            Assert.Null(page.Json["webinar_number"]);
            sessions.AddRange(page.Json["participants"]!.AsArray()!);
            next = page.Json["next_page_token"]!.GetValue<string>();
        }
        while (next.Length > 0);

        var live = await demo.Api.GetAsync($"/v2/metrics/meetings/{LiveMeeting}/participants/qos?type=live&page_size=10", token);

        Assert.Equal(30, sessions.Count);
        Assert.Equal(30, sessions.Select(s => s!["user_id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(sessions, s => Assert.True(s!["total_jointime_cost"]!.GetValue<double>() > 0));
        Assert.Equal(12, live.Json!["total_records"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task One_participant_has_their_microphone_speaker_and_camera_and_an_unknown_one_gets_the_meeting_wording()
    {
        var token = await demo.Api.TokenAsync();
        var page = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos?type=past&page_size=1", token);
        var userId = page.Json!["participants"]![0]!["user_id"]!.GetValue<string>();

        var one = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/{userId}/qos?type=past", token);
        var unknown = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/nobody/qos?type=past", token);
        var asWebinar = await demo.Api.GetAsync($"/v2/metrics/webinars/{Weekly}/participants/{userId}/qos?type=past", token);

        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(userId, one.Json!["user_id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(one.Json["microphone"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(one.Json["speaker"]?.GetValue<string>()));
        Assert.NotNull(one.Json["camera"]);
        Assert.Equal(Weekly, one.Json["meeting_number"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(page.Json["participants"]![0]!.ToJsonString())!["user_qos"]!.ToJsonString(), one.Json["user_qos"]!.ToJsonString());
        Assert.Equal((HttpStatusCode.NotFound, 3001), (unknown.Status, unknown.Code));
        Assert.Equal("This meeting's detail info is not available or ID is not valid.", unknown.Json!["message"]!.GetValue<string>());
        Assert.Equal("This webinar's detail info is not available or ID is not valid.", asWebinar.Json!["message"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_webinar_is_not_a_meeting_nor_a_meeting_a_webinar_by_id_or_uuid()
    {
        var token = await demo.Api.TokenAsync();
        var (from, to) = Range(25);
        var meetingUuid = (await demo.Api.GetAsync($"/v2/metrics/meetings?type=past&from={from}&to={to}", token)).Json!["meetings"]![0]!["uuid"]!.GetValue<string>();
        var webinarUuid = (await demo.Api.GetAsync($"/v2/metrics/webinars?type=past&from={from}&to={to}", token)).Json!["webinars"]![0]!["uuid"]!.GetValue<string>();

        var webinarOnMeetings = await demo.Api.GetAsync("/v2/metrics/meetings/81234567890/participants/qos?type=past", token);
        var meetingOnWebinars = await demo.Api.GetAsync($"/v2/metrics/webinars/{Weekly}/participants/qos?type=past", token);
        var webinarUuidOnMeetings = await demo.Api.GetAsync($"/v2/metrics/meetings/{Twice(webinarUuid)}/participants/qos?type=past", token);
        var meetingUuid2 = await demo.Api.GetAsync($"/v2/metrics/meetings/{Twice(meetingUuid)}/participants/qos?type=past", token);
        var liveAsPast = await demo.Api.GetAsync($"/v2/metrics/meetings/{LiveMeeting}/participants/qos?type=past", token);

        Assert.Equal((HttpStatusCode.NotFound, 3001), (webinarOnMeetings.Status, webinarOnMeetings.Code));
        Assert.Equal("This meeting's detail is not available or the Meeting ID is not valid. This meeting has not ended yet.", webinarOnMeetings.Json!["message"]!.GetValue<string>());
        Assert.Equal("This webinar's detail is not available or the Webinar ID is not valid. This webinar has not ended yet.", meetingOnWebinars.Json!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, webinarUuidOnMeetings.Status);
        Assert.Equal(HttpStatusCode.OK, meetingUuid2.Status);
        Assert.Equal(HttpStatusCode.NotFound, liveAsPast.Status);
    }

    [SkippableFact]
    public async Task Scopes_plan_and_query_rules_are_the_webinars_with_the_meetings_scopes()
    {
        var token = await demo.Api.TokenAsync();
        var noScope = await demo.Api.TokenAsync("demo-noscope-client-id", "demo-noscope-client-secret");
        var pro = await demo.Api.TokenAsync("demo-pro-client-id", "demo-pro-client-secret", "demo-pro");

        var scope = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos?type=past", noScope);
        var listScope = await demo.Api.GetAsync("/v2/metrics/meetings", noScope);
        var notPaid = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos?type=past", pro);
        var tooBig = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos?type=past&page_size=11", token);
        var badType = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos?type=pastOne", token);
        var summaries = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos_summary?page_size=10", token);

        Assert.Equal(4711, scope.Code);
        Assert.Equal("Invalid access token, does not contain scopes:[dashboard_meetings:read:admin, dashboard:read:admin, dashboard:read:list_meeting_participants_qos:admin].", scope.Json!["message"]!.GetValue<string>());
        Assert.Contains("dashboard:read:list_meetings:admin", listScope.Json!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, 200), (notPaid.Status, notPaid.Code));
        Assert.Equal(300, tooBig.Code);
        Assert.Equal(300, badType.Code);
        Assert.Equal(HttpStatusCode.OK, summaries.Status);
        Assert.Equal(10, summaries.Json!["participants"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task The_meetings_summaries_and_lists_refuse_what_the_webinars_refuse_in_the_meeting_wording()
    {
        var token = await demo.Api.TokenAsync();
        var noScope = await demo.Api.TokenAsync("demo-noscope-client-id", "demo-noscope-client-secret");

        var unknown = await demo.Api.GetAsync("/v2/metrics/meetings/89999999999/participants/qos_summary", token);
        var webinar = await demo.Api.GetAsync("/v2/metrics/meetings/81234567894/participants/qos_summary", token);
        var tooBig = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos_summary?page_size=11", token);
        var forged = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos_summary?next_page_token=forged", token);
        var scope = await demo.Api.GetAsync($"/v2/metrics/meetings/{Weekly}/participants/qos_summary", noScope);
        var live = await demo.Api.GetAsync($"/v2/metrics/meetings/{LiveMeeting}/participants/qos_summary?page_size=10", token);
        var tracking = await demo.Api.GetAsync("/v2/metrics/meetings?type=live&include_fields=tracking_fields", token);
        var badInclude = await demo.Api.GetAsync("/v2/metrics/meetings?type=live&include_fields=everything", token);

        Assert.Equal((HttpStatusCode.NotFound, 3001), (unknown.Status, unknown.Code));
        Assert.StartsWith("This meeting's detail", unknown.Json!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, 3001), (webinar.Status, webinar.Code));
        Assert.Equal(300, tooBig.Code);
        Assert.Equal(300, forged.Code);
        Assert.Equal(4711, scope.Code);
        Assert.Equal(10, live.Json!["participants"]!.AsArray().Count);
        Assert.Empty(tracking.Json!["meetings"]![0]!["tracking_fields"]!.AsArray());
        Assert.Equal(("include_fields", 300), (badInclude.Json!["errors"]![0]!["field"]!.GetValue<string>(), badInclude.Code));
    }

    private (string From, string To) Range(int days)
    {
        var now = demo.Time.GetUtcNow();
        return (now.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<string> Ids(JsonNode? page, string field) => [.. page![field]!.AsArray().Select(m => m!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static string Twice(string uuid) => Uri.EscapeDataString(Uri.EscapeDataString(uuid));
}

[Collection(SharedDemoServer.Name)]
public sealed class MeetingConformanceOnSqlite(DemoServer demo) : MeetingConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class MeetingConformanceOnPostgres(PostgresDemoServer demo) : MeetingConformanceTests(demo);
