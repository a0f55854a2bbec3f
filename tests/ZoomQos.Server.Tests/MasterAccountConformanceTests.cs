using System.Net;
using System.Text.Json.Nodes;
using ZoomQos.Server.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>
/// Zoom's master-account routes, <c>/v2/accounts/{accountId}/metrics/…</c>, over real HTTP on both stores: the demo's
/// master account (<c>demo-master</c>, scope <c>dashboard:master</c>) reads its sub-accounts <c>demo</c> and
/// <c>demo-hipaa</c> as they read themselves, and nothing of any other account.
/// </summary>
public abstract class MasterAccountConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    private Task<string> MasterTokenAsync() => demo.Api.TokenAsync("demo-master-client-id", "demo-master-client-secret", "demo-master");

    [SkippableTheory]
    [InlineData("webinars/81234567894/participants/qos?type=past&page_size=10")]
    [InlineData("meetings/85234567890/participants/qos?type=past&page_size=10")]
    [InlineData("webinars/81234567894/participants/qos_summary?page_size=10")]
    [InlineData("meetings?type=live")]
    [InlineData("webinars?type=live")]
    public async Task A_master_reads_a_sub_account_as_the_sub_account_reads_itself(string path)
    {
        var master = await MasterTokenAsync();
        var own = await demo.Api.TokenAsync();

        var asMaster = await demo.Api.GetAsync("/v2/accounts/demo/metrics/" + path, master);
        var asItself = await demo.Api.GetAsync("/v2/metrics/" + path, own);

        Assert.Equal(HttpStatusCode.OK, asMaster.Status);
        var (mine, theirs) = (asMaster.Json!.AsObject(), asItself.Json!.AsObject());
        mine.Remove("next_page_token");
        theirs.Remove("next_page_token");
        Assert.True(JsonNode.DeepEquals(theirs, mine), mine.ToJsonString()[..Math.Min(400, mine.ToJsonString().Length)]);
    }

    [SkippableFact]
    public async Task The_answers_are_valid_by_zooms_master_schemas_and_one_participant_and_a_page_token_work_there_too()
    {
        var master = await MasterTokenAsync();
        var page = await demo.Api.GetAsync("/v2/accounts/demo/metrics/meetings/85234567890/participants/qos?type=past&page_size=10", master);
        var userId = page.Json!["participants"]![0]!["user_id"]!.GetValue<string>();
        var next = await demo.Api.GetAsync("/v2/accounts/demo/metrics/meetings/85234567890/participants/qos?type=past&page_size=10&next_page_token=" + Uri.EscapeDataString(page.Json["next_page_token"]!.GetValue<string>()), master);
        var one = await demo.Api.GetAsync($"/v2/accounts/demo/metrics/meetings/85234567890/participants/{userId}/qos?type=past", master);
        var list = await demo.Api.GetAsync("/v2/accounts/demo/metrics/meetings?type=live", master);

        Assert.Empty(ZoomSchemas.ResponseErrors("master/dashboardMeetingParticipantsQOS.json", page.Json, ["id", "device", "email", "user_name", "location", "ip_address", "domain", "mac_addr", "harddisk_id", "leave_time"]));
        Assert.Empty(ZoomSchemas.ResponseErrors("master/dashboardMeetingParticipantQOS.json", one.Json, ["id", "device", "email", "user_name", "location", "ip_address", "domain", "mac_addr", "harddisk_id", "leave_time"]));
        Assert.Empty(ZoomSchemas.ResponseErrors("master/dashboardMeetings.json", list.Json, ["end_time"]));
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(10, next.Json!["participants"]!.AsArray().Count);
        Assert.DoesNotContain(next.Json["participants"]!.AsArray(), p => p!["user_id"]!.GetValue<string>() == userId);
    }

    [SkippableFact]
    public async Task A_sub_accounts_own_rules_hold_for_its_master_privacy_blanking_and_no_qss()
    {
        var master = await MasterTokenAsync();

        var blanked = await demo.Api.GetAsync("/v2/accounts/demo-hipaa/metrics/webinars/82234567890/participants/qos?type=past&page_size=10", master);
        var noQss = await demo.Api.GetAsync("/v2/accounts/demo-hipaa/metrics/webinars/82234567890/participants/qos_summary", master);

        Assert.Equal(HttpStatusCode.OK, blanked.Status);
        Assert.All(blanked.Json!["participants"]!.AsArray(), p => Assert.Equal("", p!["user_name"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, 200), (noQss.Status, noQss.Code));
    }

    [SkippableTheory]
    [InlineData("demo-pro")] // an account, not one of this master's
    [InlineData("demo-master")] // the master itself is no sub-account
    [InlineData("nobody")]
    public async Task A_master_reads_only_its_own_sub_accounts(string account)
    {
        var master = await MasterTokenAsync();

        var answer = await demo.Api.GetAsync($"/v2/accounts/{account}/metrics/webinars/82234567890/participants/qos?type=past", master);
        var list = await demo.Api.GetAsync($"/v2/accounts/{account}/metrics/webinars?type=live", master);

        Assert.Equal((HttpStatusCode.NotFound, 2001), (answer.Status, answer.Code));
        Assert.Equal("This account does not exist or does not belong to this master account.", answer.Json!["message"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.NotFound, 2001), (list.Status, list.Code));
    }

    [SkippableFact]
    public async Task The_master_routes_take_the_master_scopes_and_the_own_routes_do_not()
    {
        var master = await MasterTokenAsync();
        var admin = await demo.Api.TokenAsync();

        var adminOnMaster = await demo.Api.GetAsync("/v2/accounts/demo/metrics/webinars/81234567894/participants/qos?type=past", admin);
        var masterOnOwn = await demo.Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", master);

        Assert.Equal(4711, adminOnMaster.Code);
        Assert.Equal("Invalid access token, does not contain scopes:[dashboard:master, dashboard:read:list_webinar_participants_qos:master].", adminOnMaster.Json!["message"]!.GetValue<string>());
        Assert.Equal(4711, masterOnOwn.Code);
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class MasterAccountConformanceOnSqlite(DemoServer demo) : MasterAccountConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class MasterAccountConformanceOnPostgres(PostgresDemoServer demo) : MasterAccountConformanceTests(demo);
