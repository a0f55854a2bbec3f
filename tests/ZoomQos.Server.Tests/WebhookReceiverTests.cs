using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ZoomQos.Server.Tests.Support;
using ZoomQos.Server.Webhooks;
using ZoomQos.Storage;
using ZoomQos.TestSupport;
using ZoomQos.TestSupport.Webhooks;

namespace ZoomQos.Server.Tests;

/// <summary>
/// <c>POST /webhooks/zoom</c> over real HTTP: Zoom's URL validation, per-minute events merged as REST samples, summary
/// events naming the webinar and the participant, and every refusal leaving the store as it was.
/// </summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class WebhookReceiverTests(DemoServer demo)
{
    private const string Secret = "qss-test-secret-token";
    private readonly DemoServer _required = demo.RequireAvailable();

    [Fact]
    public void The_events_these_tests_send_are_valid_by_zooms_schemas()
    {
        var minute = QssEvents.PerMinute("demo", "QssShape0000000000000w==", "16778240", "ada@example.com", Minute(-1));
        var summary = QssEvents.Summary("demo", "QssShape0000000000000w==", 81234567977, "16778240", "Ada Lovelace", "ada@example.com", Minute(0));

        Assert.Empty(ZoomSchemas.EventErrors("webinar.participant_qos", JsonNode.Parse(minute)));
        Assert.Empty(ZoomSchemas.EventErrors("webinar.participant_qos_summary", JsonNode.Parse(summary)));
        Assert.NotEmpty(ZoomSchemas.EventErrors("webinar.participant_qos", JsonNode.Parse(minute.Replace("\"audio_input\"", "\"audio_in\"", StringComparison.Ordinal))));
    }

    [SkippableFact]
    public async Task The_url_validation_is_answered_with_the_hmac_of_the_plain_token()
    {
        await using var server = await StartAsync();
        var body = """{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}""";

        var answer = await SendAsync(server, body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("qgg8vlvZRS6UYooatFL8Aw", answer.Json!["plainToken"]!.GetValue<string>());
        Assert.Equal(ZoomSignature.EncryptToken(Secret, "qgg8vlvZRS6UYooatFL8Aw"), answer.Json["encryptedToken"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", answer.Json["encryptedToken"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Per_minute_events_become_rest_samples_of_a_new_instance_and_a_summary_names_its_webinar_and_participant()
    {
        await using var server = await StartAsync();
        var uuid = "QssFirst" + Guid.NewGuid().ToString("N")[..14] + "==";
        var minute = Minute(-20);
        var first = QssEvents.PerMinute("demo", uuid, "16778240", "ada@example.com", minute);

        var stored = await SendAsync(server, first);
        await SendAsync(server, QssEvents.PerMinute("demo", uuid, "16778240", "ada@example.com", minute.AddMinutes(1), seed: 1));
        var checksum = await ChecksumAsync();
        var again = await SendAsync(server, first);
        var unchanged = await ChecksumAsync();
        var token = await demo.Api.TokenAsync();
        var live = await demo.Api.GetAsync($"/v2/metrics/webinars/{Uri.EscapeDataString(Uri.EscapeDataString(uuid))}/participants/qos?type=live", token);
        var summary = await SendAsync(server, QssEvents.Summary("demo", uuid, 81234567977, "16778240", "Ada Lovelace", "ada@example.com", minute.AddMinutes(3)));
        var byId = await demo.Api.GetAsync("/v2/metrics/webinars/81234567977/participants/qos?type=live", token);

        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal("stored", stored.Json!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(checksum, unchanged); // a redelivered event adds nothing
        Assert.Equal(HttpStatusCode.OK, live.Status);
        var participant = Assert.Single(live.Json!["participants"]!.AsArray())!;
        Assert.Equal("ada@example.com", participant["email"]!.GetValue<string>());
        var samples = participant["user_qos"]!.AsArray();
        Assert.Equal(2, samples.Count);
        Assert.Equal("20 ms", samples[0]!["audio_input"]!["latency"]!.GetValue<string>());
        Assert.Equal("1280*720", samples[0]!["video_output"]!["resolution"]!.GetValue<string>());
        Assert.Equal("41%", samples[0]!["cpu_usage"]!["system_max_cpu_usage"]!.GetValue<string>());
        Assert.Equal("fair", samples[0]!["cpu_pressure_level"]!["system_max_cpu_pressure_level"]!.GetValue<string>());
        Assert.Equal(-52, samples[0]!["wifi_rssi"]!["avg_rssi"]!.GetValue<int>()); // "-52" in the event, an integer in Zoom's REST schema
        Assert.Null(samples[0]!["audio_quality"]); // kept in the event, not served
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Equal("Ada Lovelace", Assert.Single(byId.Json!["participants"]!.AsArray())!["user_name"]!.GetValue<string>());
        await using var store = QosStores.Open(demo.Store);
        var kept = await store.ReadQssEventsAsync("demo", uuid);
        Assert.Equal(["webinar.participant_qos", "webinar.participant_qos", "webinar.participant_qos_summary"], kept.Select(e => e.Event));
        Assert.Contains("\"audio_quality\"", Encoding.UTF8.GetString(kept[0].Body.Span), StringComparison.Ordinal);
        var summaries = await demo.Api.GetAsync("/v2/metrics/webinars/81234567977/participants/qos_summary", token);
        Assert.Equal("16778240", Assert.Single(summaries.Json!["participants"]!.AsArray())!["participant_id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("forged", HttpStatusCode.Unauthorized)]
    [InlineData("wrong-secret", HttpStatusCode.Unauthorized)]
    [InlineData("stale", HttpStatusCode.Unauthorized)]
    [InlineData("unsigned", HttpStatusCode.Unauthorized)]
    [InlineData("malformed", HttpStatusCode.BadRequest)]
    [InlineData("incomplete", HttpStatusCode.BadRequest)]
    [InlineData("ten-megabytes", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("unknown-event", HttpStatusCode.OK)]
    [InlineData("another-account", HttpStatusCode.Conflict)]
    public async Task A_refused_or_unusable_request_changes_nothing(string kind, HttpStatusCode status)
    {
        await using var server = await StartAsync();
        var uuid = "QssRefused" + Guid.NewGuid().ToString("N")[..12] + "==";
        var good = QssEvents.PerMinute("demo", uuid, "16778240", "ada@example.com", Minute(-5));
        var endpoint = new Uri(server.BaseAddress, "webhooks/zoom");
        var now = demo.Time.GetUtcNow();
        string allHands;
        await using (var store = QosStores.Open(demo.Store))
        {
            allHands = (await store.ResolveInstanceAsync("demo", "81234567890", Contracts.Qos.QosListType.Past))!.Uuid;
        }

        using var request = kind switch
        {
            "forged" => QssEvents.Request(endpoint, good, Secret, now, signature: "v0=" + new string('0', 64)),
            "wrong-secret" => QssEvents.Request(endpoint, good, "another-secret", now),
            "stale" => QssEvents.Request(endpoint, good, Secret, now.AddMinutes(-6)),
            "unsigned" => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(good, Encoding.UTF8, "application/json") },
            "malformed" => QssEvents.Request(endpoint, good[..^3], Secret, now),
            "incomplete" => QssEvents.Request(endpoint, """{"event":"webinar.participant_qos","event_ts":1,"payload":{"account_id":"demo"}}""", Secret, now),
            "ten-megabytes" => QssEvents.Request(endpoint, good[..^1] + ",\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}", Secret, now),
            "unknown-event" => QssEvents.Request(endpoint, good.Replace("webinar.participant_qos", "meeting.started", StringComparison.Ordinal), Secret, now),
            _ => QssEvents.Request(endpoint, QssEvents.PerMinute("demo-hipaa", allHands, "16778240", "ada@example.com", Minute(-5)), Secret, now),
        };
        var before = await ChecksumAsync();

        var answer = await server.SendAsync(request);

        Assert.Equal(status, answer.Status);
        Assert.Equal(before, await ChecksumAsync());
        Assert.DoesNotContain(Secret, answer.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_server_without_a_secret_token_receives_nothing()
    {
        var body = QssEvents.PerMinute("demo", "QssNoSecret0000000000==", "1", "a@example.com", Minute(-5));
        var before = await ChecksumAsync();

        var answer = await demo.Api.SendAsync(QssEvents.Request(new Uri(demo.Server.BaseAddress, "webhooks/zoom"), body, Secret, demo.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(before, await ChecksumAsync());
    }

    [SkippableFact]
    public async Task A_thousand_events_from_eight_concurrent_senders_are_all_stored_once()
    {
        await using var server = await StartAsync();
        var uuid = "QssMany" + Guid.NewGuid().ToString("N")[..15] + "==";
        var start = Minute(-60);
        var bodies = Enumerable.Range(0, 50).SelectMany(p => Enumerable.Range(0, 20).Select(m => QssEvents.PerMinute("demo", uuid, (16778240 + p).ToString(System.Globalization.CultureInfo.InvariantCulture), $"p{p}@example.com", start.AddMinutes(m), seed: m))).ToList();

        async Task SendAllAsync(int count) => await Task.WhenAll(Enumerable.Range(0, 8).Select(async sender =>
        {
            for (var i = sender; i < count; i += 8)
            {
                var answer = await SendAsync(server, bodies[i]);
                Assert.Equal(HttpStatusCode.OK, answer.Status);
            }
        }));
        await SendAllAsync(bodies.Count);
        var checksum = await ChecksumAsync();
        await SendAllAsync(200); // redelivered, concurrently



        await using var store = QosStores.Open(demo.Store);
        Assert.Equal(1000, (await store.ReadQssEventsAsync("demo", uuid)).Count);
        Assert.Equal(50, await store.CountParticipantsAsync(uuid));
        for (var p = 0; p < 50; p++)
        {
            var session = (await store.GetParticipantAsync(uuid, (16778240 + p).ToString(System.Globalization.CultureInfo.InvariantCulture)))!.ToParticipant();
            Assert.Equal(20, session.UserQos!.Count);
            Assert.Equal(start, session.JoinTime.Value);
        }

        Assert.Equal(checksum, await ChecksumAsync());
    }

    private DateTimeOffset Minute(int minutes)
    {
        var now = demo.Time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(minutes);
    }

    private Task<ZoomApi> StartAsync() => demo.StartAnotherAsync(o => o with { WebhookSecretToken = Secret, RateLimits = false });

    private Task<ZoomApi.Answer> SendAsync(ZoomApi server, string body) =>
        server.SendAsync(QssEvents.Request(new Uri(server.BaseAddress, "webhooks/zoom"), body, Secret, demo.Time.GetUtcNow()));

    private async Task<string> ChecksumAsync()
    {
        await using var store = QosStores.Open(demo.Store);
        return await store.ComputeChecksumAsync();
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class WebhookReceiverOnSqlite(DemoServer demo) : WebhookReceiverTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class WebhookReceiverOnPostgres(PostgresDemoServer demo) : WebhookReceiverTests(demo);
