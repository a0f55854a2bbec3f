using System.Net;
using System.Text.Json.Nodes;
using ZoomQos.Server.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary><c>GET /v2/metrics/webinars/{webinarId}/participants/qos_summary</c> (QSS API) over real HTTP, on both stores.</summary>
public abstract class QosSummaryConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    [SkippableFact]
    public async Task Every_session_of_the_team_sync_has_a_summary_valid_by_zooms_schema_paged_by_token()
    {
        var token = await demo.Api.TokenAsync();
        var seen = new List<JsonNode>();
        var next = string.Empty;
        do
        {
            var page = await demo.Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos_summary?page_size=5" + (next.Length > 0 ? "&next_page_token=" + Uri.EscapeDataString(next) : string.Empty), token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var errors = ZoomSchemas.ResponseErrors("dashboardWebinarParticipantsQOSSummary.json", page.Json, ["id", "email"]);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Equal(5, page.Json!["page_size"]!.GetValue<int>());
            seen.AddRange(page.Json["participants"]!.AsArray()!);
            next = page.Json["next_page_token"]!.GetValue<string>();
        }
        while (next.Length > 0);

        var list = await demo.Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10", token);
        var regular = seen.Single(p => p!["email"]!.GetValue<string>() == "vint.cerf@example.com")!;
        var sessions = list.Json!["participants"]!.AsArray().ToDictionary(p => p!["user_id"]!.GetValue<string>());
        var samples = sessions[regular["participant_id"]!.GetValue<string>()]!["user_qos"]!.AsArray();
        var latencies = samples.Select(s => s!["audio_output"]?["latency"]?.GetValue<string>()).OfType<string>().Select(l => Contracts.Values.Milliseconds.Parse(l).Value).OfType<double>().ToList();
        var audio = regular["qos"]!.AsArray().Single(q => q!["type"]!.GetValue<string>() == "audio_output")!["details"]!;

        Assert.Equal(12, seen.Count);
        Assert.Equal(12, seen.Select(p => p!["participant_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{latencies.Max():0} ms"), audio["max_latency"]!.GetValue<string>());
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{latencies.Min():0} ms"), audio["min_latency"]!.GetValue<string>());
        Assert.Equal("Vint Cerf", regular["user_name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_rules_and_errors_are_the_lists()
    {
        var token = await demo.Api.TokenAsync();
        var hipaa = await demo.Api.TokenAsync("demo-hipaa-client-id", "demo-hipaa-client-secret", "demo-hipaa");
        var noScope = await demo.Api.TokenAsync("demo-noscope-client-id", "demo-noscope-client-secret");

        var noSubscription = await demo.Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos_summary", hipaa);
        var unknown = await demo.Api.GetAsync("/v2/metrics/webinars/89999999999/participants/qos_summary", token);
        var tooBig = await demo.Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos_summary?page_size=11", token);
        var badToken = await demo.Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos_summary?next_page_token=forged", token);
        var scope = await demo.Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos_summary", noScope);
        var expired = await demo.Api.GetAsync("/v2/metrics/webinars/81234567893/participants/qos_summary", token);
        var live = await demo.Api.GetAsync("/v2/metrics/webinars/81234567891/participants/qos_summary?page_size=10", token);
        var slash = await demo.Api.GetAsync($"/v2/metrics/webinars/{Uri.EscapeDataString(Uri.EscapeDataString("/DemoQos//Slash+Uuid0w=="))}/participants/qos_summary", token);

        Assert.Equal((HttpStatusCode.BadRequest, 200), (noSubscription.Status, noSubscription.Code));
        Assert.Equal("event subscription not found", noSubscription.Json!["message"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.NotFound, 3001), (unknown.Status, unknown.Code));
        Assert.Equal(300, tooBig.Code);
        Assert.Equal(300, badToken.Code);
        Assert.Equal(4711, scope.Code);
        Assert.Equal(12702, expired.Code);
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(10, live.Json!["participants"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, slash.Status);
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class QosSummaryConformanceOnSqlite(DemoServer demo) : QosSummaryConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class QosSummaryConformanceOnPostgres(PostgresDemoServer demo) : QosSummaryConformanceTests(demo);
