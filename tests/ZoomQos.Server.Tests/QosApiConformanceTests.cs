using System.Net;
using System.Text;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>
/// Conformance of the list and get-one QoS endpoints against <c>serve --seed demo</c> over real HTTP: one test
/// per rule and per row of the contract's error table.
/// </summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class QosApiConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    private const string AllHands = "/v2/metrics/webinars/81234567890/participants/qos";

    private ZoomApi Api => demo.Api;

    [SkippableFact]
    public async Task Walking_the_latest_all_hands_gives_1003_distinct_sessions_in_101_pages()
    {
        var token = await Api.TokenAsync();
        var users = new List<string>();
        var next = string.Empty;
        var pages = 0;
        var bodies = new System.Text.StringBuilder();
        ZoomApi.Answer page;
        do
        {
            page = await Api.GetAsync($"{AllHands}?type=past&page_size=10&next_page_token={Uri.EscapeDataString(next)}", token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            bodies.Append(page.Text);
            Assert.Equal(1003, page.Json!["total_records"]!.GetValue<long>());
            Assert.Equal(101, page.Json["page_count"]!.GetValue<long>());
            Assert.Equal(10, page.Json["page_size"]!.GetValue<int>());
            users.AddRange(page.Json["participants"]!.AsArray().Select(p => p!["user_id"]!.GetValue<string>()));
            next = page.Json["next_page_token"]!.GetValue<string>();
            pages++;
        }
        while (next.Length > 0);

        Assert.Equal(101, pages);
        Assert.Equal(1003, users.Count);
        Assert.Equal(1003, users.Distinct().Count());
        Assert.Equal(3, page.Json!["participants"]!.AsArray().Count);
        // As Zoom writes them: "SSL+Proxy" and "São Paulo (BR)" as they are, nothing escaped that JSON does not require.
        var text = bodies.ToString();
        Assert.Contains("SSL+Proxy", text, StringComparison.Ordinal);
        Assert.Contains("São Paulo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_twelve_session_webinar_comes_in_two_pages_and_the_default_page_size_is_one()
    {
        var token = await Api.TokenAsync();
        var first = await Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10", token);
        var second = await Api.GetAsync($"/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=10&next_page_token={Uri.EscapeDataString(first.Json!["next_page_token"]!.GetValue<string>())}", token);
        var byDefault = await Api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", token);

        Assert.Equal(10, first.Json["participants"]!.AsArray().Count);
        Assert.Equal(2, second.Json!["participants"]!.AsArray().Count);
        Assert.Equal("", second.Json["next_page_token"]!.GetValue<string>());
        Assert.Equal(1, byDefault.Json!["page_size"]!.GetValue<int>());
        Assert.Equal(12, byDefault.Json["page_count"]!.GetValue<long>());
        Assert.Single(byDefault.Json["participants"]!.AsArray());
    }

    [SkippableTheory]
    [InlineData("%252FDemoQos%252F%252FSlash%252BUuid0w%253D%253D")]
    [InlineData("%2FDemoQos%2F%2FSlash%2BUuid0w%3D%3D")]
    public async Task A_uuid_that_begins_with_a_slash_resolves_double_or_single_encoded(string encoded)
    {
        var answer = await Api.GetAsync($"/v2/metrics/webinars/{encoded}/participants/qos?type=past&page_size=10", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("81234567892", answer.Json!["webinar_number"]!.GetValue<string>());
        Assert.Equal(21, answer.Json["total_records"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task A_webinar_that_ended_13_months_ago_gives_12702()
    {
        var answer = await Api.GetAsync("/v2/metrics/webinars/81234567893/participants/qos?type=past", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(12702, answer.Code);
        Assert.Equal("Can not access a webinar a year ago.", answer.Message);
    }

    [SkippableFact]
    public async Task An_archive_server_with_retention_off_serves_it()
    {
        await using var archive = await demo.StartAnotherAsync(o => o with { RetentionMonths = 0 });

        var answer = await archive.GetAsync("/v2/metrics/webinars/81234567893/participants/qos?type=past", await archive.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [SkippableFact]
    public async Task A_pro_account_without_the_dashboard_gets_code_200()
    {
        var token = await Api.TokenAsync("demo-pro-client-id", "demo-pro-client-secret", "demo-pro");

        var answer = await Api.GetAsync(AllHands + "?type=past", token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(200, answer.Code);
        Assert.Equal("Only available for paid account and enabled Dashboard feature.", answer.Message);
    }

    [SkippableFact]
    public async Task The_no_scope_app_gets_4711_naming_the_accepted_scopes()
    {
        var token = await Api.TokenAsync("demo-noscope-client-id", "demo-noscope-client-secret");

        var answer = await Api.GetAsync(AllHands + "?type=past", token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(4711, answer.Code);
        Assert.Equal(
            "Invalid access token, does not contain scopes:[dashboard_webinars:read:admin, dashboard:read:admin, dashboard:read:list_webinar_participants_qos:admin].",
            answer.Message);
    }

    [SkippableFact]
    public async Task Another_accounts_webinar_looks_unknown()
    {
        var token = await Api.TokenAsync();

        var foreign = await Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos?type=past", token);
        var unknown = await Api.GetAsync("/v2/metrics/webinars/89999999999/participants/qos?type=past", token);

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(3001, foreign.Code);
        Assert.Equal("This webinar's detail is not available or the Webinar ID is not valid. This webinar has not ended yet.", foreign.Message);
        Assert.Equal(unknown.Text, foreign.Text);
    }

    [SkippableFact]
    public async Task Live_and_past_each_see_only_their_own_instances()
    {
        var token = await Api.TokenAsync();

        var live = await Api.GetAsync("/v2/metrics/webinars/81234567891/participants/qos?page_size=10", token);
        var liveAsPast = await Api.GetAsync("/v2/metrics/webinars/81234567891/participants/qos?type=past", token);
        var pastAsLive = await Api.GetAsync(AllHands + "?type=live", token);

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.True(live.Json!["total_records"]!.GetValue<long>() > 100);
        Assert.Equal(3001, liveAsPast.Code);
        Assert.Equal(3001, pastAsLive.Code);
    }

    [SkippableFact]
    public async Task The_hipaa_account_sees_blank_names_emails_locations_and_ips()
    {
        var token = await Api.TokenAsync("demo-hipaa-client-id", "demo-hipaa-client-secret", "demo-hipaa");

        var page = await Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos?type=past&page_size=10", token);
        var participants = page.Json!["participants"]!.AsArray();
        var one = await Api.GetAsync($"/v2/metrics/webinars/82234567890/participants/{participants[0]!["user_id"]!.GetValue<string>()}/qos?type=past", token);

        Assert.Equal(10, participants.Count);
        foreach (var field in new[] { "user_name", "email", "location", "ip_address" })
        {
            Assert.All(participants, p => Assert.Equal("", p![field]!.GetValue<string>()));
            Assert.Equal("", one.Json![field]!.GetValue<string>());
        }

        Assert.All(participants, p => Assert.NotEmpty(p!["user_qos"]!.AsArray()));
    }

    [SkippableFact]
    public async Task A_page_token_replayed_after_15_minutes_gives_code_300()
    {
        var token = await Api.TokenAsync();
        var first = await Api.GetAsync(AllHands + "?type=past&page_size=10", token);
        var next = Uri.EscapeDataString(first.Json!["next_page_token"]!.GetValue<string>());
        var fresh = await Api.GetAsync($"{AllHands}?type=past&page_size=10&next_page_token={next}", token);

        demo.Time.Advance(TimeSpan.FromMinutes(15));
        var stale = await Api.GetAsync($"{AllHands}?type=past&page_size=10&next_page_token={next}", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        Assert.Equal(300, stale.Code);
        Assert.Equal("The next page token is invalid or expired.", stale.Message);
    }

    [SkippableFact]
    public async Task Tampered_and_foreign_page_tokens_give_code_300()
    {
        var token = await Api.TokenAsync();
        var first = await Api.GetAsync(AllHands + "?type=past&page_size=10", token);
        var next = first.Json!["next_page_token"]!.GetValue<string>();
        var tampered = next[..^2] + (next[^2] == 'A' ? "BB" : "AA");

        string[] attempts =
        [
            $"{AllHands}?type=past&next_page_token={Uri.EscapeDataString(tampered)}",
            $"/v2/metrics/webinars/81234567894/participants/qos?type=past&next_page_token={Uri.EscapeDataString(next)}",
            $"{AllHands}?type=past&next_page_token=not-a-token",
            $"{AllHands}?type=past&next_page_token=a.b.c",
            $"{AllHands}?type=past&next_page_token={Uri.EscapeDataString(next)}&next_page_token={Uri.EscapeDataString(next)}",
        ];
        foreach (var attempt in attempts)
        {
            var answer = await Api.GetAsync(attempt, token);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal(300, answer.Code);
        }

        var other = await Api.TokenAsync("demo-hipaa-client-id", "demo-hipaa-client-secret", "demo-hipaa");
        var otherFirst = await Api.GetAsync("/v2/metrics/webinars/82234567890/participants/qos?type=past", other);
        var foreignAccount = await Api.GetAsync($"/v2/metrics/webinars/82234567890/participants/qos?type=past&next_page_token={Uri.EscapeDataString(next)}", other);
        Assert.Equal(HttpStatusCode.OK, otherFirst.Status);
        Assert.Equal(300, foreignAccount.Code);
    }

    [SkippableTheory]
    [InlineData("type=pastOne", "type")]
    [InlineData("type=PAST", "type")]
    [InlineData("type=", "type")]
    [InlineData("type=past&type=live", "type")]
    [InlineData("type=past&page_size=0", "page_size")]
    [InlineData("type=past&page_size=11", "page_size")]
    [InlineData("type=past&page_size=abc", "page_size")]
    [InlineData("type=past&page_size=-1", "page_size")]
    [InlineData("type=past&page_size=1.5", "page_size")]
    [InlineData("type=past&page_size=99999999999999999999", "page_size")]
    public async Task Bad_type_or_page_size_is_a_validation_failure(string query, string field)
    {
        var answer = await Api.GetAsync($"{AllHands}?{query}", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(300, answer.Code);
        Assert.Equal("Validation Failed.", answer.Message);
        Assert.Equal(field, answer.Json!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("Invalid field.", answer.Json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic ZGVtbzpkZW1v")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJhIjoiZGVtbyJ9.")]
    public async Task Missing_malformed_or_unknown_bearer_tokens_get_124(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AllHands + "?type=past");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var answer = await Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(124, answer.Code);
        Assert.Equal("Invalid access token.", answer.Message);
    }

    [SkippableFact]
    public async Task A_token_signed_by_another_server_is_unknown_and_an_expired_one_says_so()
    {
        await using var stranger = await demo.StartAnotherAsync(o => o with { SigningKey = Encoding.UTF8.GetBytes("another-signing-key-0123456789") });
        var foreignToken = await stranger.TokenAsync();
        var token = await Api.TokenAsync();

        var foreign = await Api.GetAsync(AllHands + "?type=past", foreignToken);
        demo.Time.Advance(TimeSpan.FromSeconds(3600));
        var expired = await Api.GetAsync(AllHands + "?type=past", token);

        Assert.Equal("Invalid access token.", foreign.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(124, expired.Code);
        Assert.Equal("Access token is expired.", expired.Message);
    }

    [SkippableFact]
    public async Task One_participant_is_served_by_user_id_or_uuid_and_an_unknown_one_is_3001()
    {
        var token = await Api.TokenAsync();
        var page = await Api.GetAsync(AllHands + "?type=past&page_size=1", token);
        var first = page.Json!["participants"]![0]!;

        var byUserId = await Api.GetAsync($"/v2/metrics/webinars/81234567890/participants/{first["user_id"]!.GetValue<string>()}/qos?type=past", token);
        var byUuid = await Api.GetAsync($"/v2/metrics/webinars/81234567890/participants/{first["participant_uuid"]!.GetValue<string>()}/qos?type=past", token);
        var unknown = await Api.GetAsync("/v2/metrics/webinars/81234567890/participants/999/qos?type=past", token);
        var unknownWebinar = await Api.GetAsync("/v2/metrics/webinars/89999999999/participants/999/qos?type=past", token);

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(first, byUserId.Json));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(first, byUuid.Json));
        Assert.Null(byUserId.Json!["participants"]);
        Assert.Equal(3001, unknown.Code);
        Assert.Equal("This webinar's detail info is not available or ID is not valid.", unknown.Message);
        Assert.Equal(unknown.Text, unknownWebinar.Text);
    }

    [SkippableFact]
    public async Task Every_response_carries_a_tracking_id()
    {
        var token = await Api.TokenAsync();
        ZoomApi.Answer[] answers =
        [
            await Api.GetAsync(AllHands + "?type=past", token),
            await Api.GetAsync(AllHands + "?type=nope", token),
            await Api.GetAsync(AllHands, null),
            await Api.GetAsync("/v2/no/such/route", token),
            await Api.SendAsync(HttpMethod.Delete, AllHands, token),
            await Api.OAuthAsync("/oauth/token?grant_type=nope", null, null),
            await Api.GetAsync("/health", null),
        ];

        Assert.All(answers, a => Assert.StartsWith("v=2.0;", a.Headers["x-zm-trackingid"], StringComparison.Ordinal));
        Assert.Equal(answers.Length, answers.Select(a => a.Headers["x-zm-trackingid"]).Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, answers[3].Status);
        Assert.Equal(404, answers[3].Code);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, answers[4].Status);
        Assert.Equal(405, answers[4].Code);
    }

    [SkippableFact]
    public async Task The_live_webinar_returns_every_sample_recorded_so_far()
    {
        var token = await Api.TokenAsync();

        var page = await Api.GetAsync("/v2/metrics/webinars/81234567891/participants/qos?page_size=10", token);
        var minutes = page.Json!["participants"]!.AsArray().SelectMany(p => p!["user_qos"]!.AsArray()).Select(s => DateTimeOffset.Parse(s!["date_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.NotEmpty(minutes);
        Assert.True(minutes.Max() <= demo.Time.GetUtcNow());
        Assert.Contains(page.Json["participants"]!.AsArray(), p => p!["leave_time"]!.GetValue<string>() == "");
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class QosApiConformanceOnSqlite(DemoServer demo) : QosApiConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class QosApiConformanceOnPostgres(PostgresDemoServer demo) : QosApiConformanceTests(demo);
