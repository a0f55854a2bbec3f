using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Qos;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>serve --seed demo --webhook-url URL --webhook-secret-token S</c>: the emulator's QSS events of the live webinar, one
/// simulated minute on a fake clock, received by Zoom's own Node SDK (Rivet's HttpReceiver) and by another ZoomQos server.
/// </summary>
public sealed class QssSenderTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private const string Secret = "qss-sender-secret";
    private static readonly Dictionary<string, string> NoZoom = [];
    private readonly CliHarness _cli = cli;

    [SkippableFact]
    public async Task Zooms_node_sdk_accepts_every_event_of_a_minute_each_valid_by_zooms_schema()
    {
        using var rivet = await RivetReceiver.StartAsync(Secret);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var expected = Expected(clock.GetUtcNow());
        await using var sender = await SendingServerAsync("qss-rivet.db", clock, rivet.Endpoint);

        clock.Advance(TimeSpan.FromMinutes(1)); // one simulated minute: its events are queued and sent
        var health = await sender.WaitForHealthAsync(w => w["delivered"]!.GetValue<long>() + w["failed"]!.GetValue<long>() >= expected.Count || w["last_status"]!.GetValue<int>() >= 400, section: "webhooks");
        Assert.True(health["last_status"]!.GetValue<int>() == 200, health.ToJsonString() + " expected " + expected.Count);

        var events = rivet.Events.Select(e => JsonNode.Parse(e)!).ToList();
        Assert.Equal(expected.Count, events.Count);
        Assert.Equal(0, health["failed"]!.GetValue<long>());
        Assert.Equal(expected.Order(StringComparer.Ordinal), events.Select(Key).Order(StringComparer.Ordinal));
        foreach (var e in events)
        {
            var errors = ZoomSchemas.EventErrors(e["event"]!.GetValue<string>(), e);
            Assert.True(errors.Count == 0, e.ToJsonString() + "\n" + string.Join("\n", errors));
        }

        Assert.Contains(events, e => e["event"]!.GetValue<string>() == "webinar.participant_qos" && e["payload"]!["object"]!["participant"]!["qos"]!.AsArray().Count >= 4);
    }

    [SkippableFact]
    public async Task Zooms_node_sdk_refuses_the_events_signed_with_another_secret_and_the_sender_tries_again()
    {
        using var wrong = await RivetReceiver.StartAsync("another-secret");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var refused = await SendingServerAsync("qss-refused.db", clock, wrong.Endpoint);

        clock.Advance(TimeSpan.FromMinutes(1));
        await refused.WaitForHealthAsync(w => w["last_status"]!.GetValue<int>() == 400, section: "webhooks");
        clock.Advance(TimeSpan.FromSeconds(1)); // the first retry's wait
        var refusal = await refused.WaitForHealthAsync(w => w["retried"]!.GetValue<long>() > 0, section: "webhooks");

        Assert.Empty(wrong.Events);
        Assert.Equal(0, refusal["delivered"]!.GetValue<long>());
        Assert.Equal(400, refusal["last_status"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Another_zoomqos_server_receives_the_minute_as_the_same_rest_samples_the_emulator_serves()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = clock.GetUtcNow();
        var expected = Expected(start);
        await using var receiver = await SyncingServer.StartAsync(NoZoom, "sqlite:" + _cli.PathOf("qss-received.db"), clock, ["--webhook-secret-token", Secret, "--no-dashboard"], sync: false);
        await using var sender = await SendingServerAsync("qss-sent.db", clock, new Uri(receiver.Site, "webhooks/zoom"));

        clock.Advance(TimeSpan.FromMinutes(1));
        var health = await sender.WaitForHealthAsync(w => w["delivered"]!.GetValue<long>() >= expected.Count, section: "webhooks");

        Assert.Equal(0, health["failed"]!.GetValue<long>());
        foreach (var live in DemoDataSet.Create(start).InProgress)
        {
            // The live webinar's minutes and the live meeting's, each into an instance of its kind.
            var (uuid, kind) = (live.Instance.Uuid, live.Instance.IsMeeting ? "meeting" : "webinar");
            var sent = await StoreReading.SessionsAsync(_cli.PathOf("qss-sent.db"), "demo", uuid);
            var received = await StoreReading.SessionsAsync(_cli.PathOf("qss-received.db"), "demo", uuid);
            Assert.Equal(expected.Count(k => k.StartsWith(kind + ".participant_qos|", StringComparison.Ordinal)), received.Values.Sum(s => s["user_qos"]!.AsArray().Count));
            foreach (var (user, session) in received)
            {
                foreach (var sample in session["user_qos"]!.AsArray())
                {
                    var original = sent[user]["user_qos"]!.AsArray().Single(s => s!["date_time"]!.GetValue<string>() == sample!["date_time"]!.GetValue<string>());
                    Assert.True(JsonNode.DeepEquals(original, sample), $"{user}: {original!.ToJsonString()}\n!=\n{sample!.ToJsonString()}");
                }
            }

            await using var store = QosStores.Open("sqlite:" + _cli.PathOf("qss-received.db"));
            Assert.Equal(live.Instance.Kind, (await store.ResolveInstanceAsync("demo", uuid, QosListType.Live))!.Kind);
        }
    }

    private Task<SyncingServer> SendingServerAsync(string store, TimeProvider clock, Uri endpoint) =>
        SyncingServer.StartAsync(NoZoom, "sqlite:" + _cli.PathOf(store), clock, ["--seed", "demo", "--no-dashboard", "--webhook-url", endpoint.AbsoluteUri, "--webhook-secret-token", Secret], sync: false);

    // The events of the live webinar's and the live meeting's first simulated minute after the server starts: one per participant with a sample
    // in it, one summary per participant who left in it.
    private static List<string> Expected(DateTimeOffset start)
    {
        var end = start.AddMinutes(1);
        var keys = new List<string>();
        foreach (var live in DemoDataSet.Create(start).InProgress)
        {
            var kind = live.Instance.IsMeeting ? "meeting" : "webinar";
            foreach (var p in live.SnapshotAt(end))
            {
                keys.AddRange(p.UserQos!.Where(s => s.DateTime.Value > start && s.DateTime.Value <= end).Select(_ => kind + ".participant_qos|" + p.UserId));
                if (p.LeaveTime.Value is { } left && left > start && left <= end)
                {
                    keys.Add(kind + ".participant_qos_summary|" + p.UserId);
                }
            }
        }

        return keys;
    }

    private static string Key(JsonNode e)
    {
        var participant = e["payload"]!["object"]!["participant"]!;
        return e["event"]!.GetValue<string>() + "|" + (participant["user_id"] ?? participant["participant_id"])!.GetValue<string>();
    }
}
