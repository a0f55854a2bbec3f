using System.Text.Json.Nodes;
using ZoomQos.Server.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>
/// The demo server's answers checked against Zoom's schemas (the repository's copy of the structure of Zoom's OpenAPI
/// documents, <c>Fixtures/zoom-openapi</c>): the webinar list, pages of every demo instance's participant QoS, and one
/// participant. Only the empty values Zoom documents are allowed (<see cref="EmptyAllowed"/>).
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class SchemaConformanceTests(DemoServer demo)
{
    // device: "or empty" (a web client; the contract's participant fields); id: "empty for guests"; user_name, email,
    // ip_address, location: empty for privacy blanking and external attendees; domain, mac_addr, harddisk_id: empty for
    // external users; leave_time and end_time: empty while the session or the webinar is in progress.
    private static readonly string[] EmptyAllowed = ["device", "id", "user_name", "email", "ip_address", "location", "domain", "mac_addr", "harddisk_id", "leave_time", "end_time"];

    [Theory]
    [InlineData("/v2/metrics/webinars?type=past&from={from}&to={to}&page_size=300", "dashboardWebinars.json")]
    [InlineData("/v2/metrics/webinars?type=live&page_size=300", "dashboardWebinars.json")]
    [InlineData("/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10", "dashboardWebinarParticipantsQOS.json")]
    [InlineData("/v2/metrics/webinars/81234567891/participants/qos?type=live&page_size=10", "dashboardWebinarParticipantsQOS.json")]
    [InlineData("/v2/metrics/webinars/81234567892/participants/qos?type=past&page_size=10", "dashboardWebinarParticipantsQOS.json")]
    [InlineData("/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10", "dashboardWebinarParticipantsQOS.json")]
    [InlineData("/v2/metrics/meetings?type=past&from={from}&to={to}&page_size=300", "dashboardMeetings.json")]
    [InlineData("/v2/metrics/meetings?type=live&page_size=300", "dashboardMeetings.json")]
    [InlineData("/v2/metrics/meetings/85234567890/participants/qos?type=past&page_size=10", "dashboardMeetingParticipantsQOS.json")]
    [InlineData("/v2/metrics/meetings/85234567891/participants/qos?type=live&page_size=10", "dashboardMeetingParticipantsQOS.json")]
    [InlineData("/v2/metrics/meetings/85234567890/participants/qos_summary?page_size=10", "dashboardMeetingParticipantsQOSSummary.json")]
    public async Task Every_answer_is_valid_by_zooms_schema(string pathAndQuery, string schema)
    {
        var now = demo.Time.GetUtcNow();
        var path = pathAndQuery.Replace("{from}", now.AddDays(-25).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{to}", now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var token = await demo.Api.TokenAsync();
        var pages = 0;
        var next = string.Empty;
        do
        {
            var answer = await demo.Api.GetAsync(path + (next.Length > 0 ? "&next_page_token=" + Uri.EscapeDataString(next) : string.Empty), token);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
            var errors = ZoomSchemas.ResponseErrors(schema, answer.Json, EmptyAllowed);
            Assert.True(errors.Count == 0, path + "\n" + string.Join("\n", errors.Take(20)));
            next = answer.Json!["next_page_token"]?.GetValue<string>() ?? string.Empty;
            pages++;
        }
        while (next.Length > 0 && pages < 5);
    }

    [Theory]
    [InlineData("webinars", "81234567894", "dashboardWebinarParticipantQOS.json")]
    [InlineData("meetings", "85234567890", "dashboardMeetingParticipantQOS.json")]
    public async Task One_participant_is_valid_by_zooms_schema(string surface, string id0, string schema)
    {
        var token = await demo.Api.TokenAsync();
        var page = await demo.Api.GetAsync($"/v2/metrics/{surface}/{id0}/participants/qos?type=past&page_size=1", token);
        var id = page.Json!["participants"]![0]!["id"]?.GetValue<string>() ?? page.Json["participants"]![0]!["user_id"]!.GetValue<string>();

        var one = await demo.Api.GetAsync($"/v2/metrics/{surface}/{id0}/participants/{Uri.EscapeDataString(id)}/qos?type=past", token);

        var errors = ZoomSchemas.ResponseErrors(schema, one.Json, EmptyAllowed);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        Assert.IsType<JsonObject>(one.Json);
    }
}
