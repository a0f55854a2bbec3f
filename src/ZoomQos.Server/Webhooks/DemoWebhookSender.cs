using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Demo;
using ZoomQos.Server.Hosting;
using ZoomQos.Simulation;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// The emulator's QoS Subscription: as the demo's live webinar and live meeting accrue (<see cref="DemoClock"/>), a
/// <c>webinar.participant_qos</c> (or <c>meeting.participant_qos</c>) event per participant per new minute, and a
/// <c>…_qos_summary</c> event when a participant leaves, queued for <see cref="WebhookDelivery"/>. It starts at the server's now: the minutes
/// before it are the API's to read.
/// </summary>
internal sealed class DemoWebhookSender(DemoDataSet demo, DemoClock clock, ServerOptions options, WebhookDelivery delivery) : DemoMinutes(clock, options)
{
    private DateTimeOffset? _sentUpTo;
    private HashSet<string>? _summarised;

    protected override Task TickAsync(DateTimeOffset simulatedNow, CancellationToken stoppingToken)
    {
        var after = _sentUpTo ?? StartedAt;
        _summarised ??= demo.InProgress.SelectMany(live => live.SnapshotAt(StartedAt).Where(p => Left(p, StartedAt)).Select(p => Key(live, p))).ToHashSet(StringComparer.Ordinal);
        foreach (var live in demo.InProgress)
        {
            foreach (var participant in live.SnapshotAt(simulatedNow))
            {
                foreach (var body in Events(live, participant, after, simulatedNow, _summarised))
                {
                    delivery.Enqueue(body);
                }
            }
        }

        _sentUpTo = simulatedNow;
        return Task.CompletedTask;
    }

    private static IEnumerable<string> Events(SimulatedWebinar live, ParticipantQos participant, DateTimeOffset after, DateTimeOffset upTo, HashSet<string> summarised)
    {
        var instance = live.Instance;
        var kind = instance.Kind.Noun();
        var samples = JsonSerializer.SerializeToNode(participant, ZoomJsonContext.Wire.ParticipantQos)!["user_qos"]?.AsArray() ?? [];
        foreach (var sample in samples.OfType<JsonObject>())
        {
            var at = ZoomTimestamp(sample);
            if (at > after && at <= upTo)
            {
                var who = new JsonObject { ["user_id"] = participant.UserId };
                if (participant.Id is { Length: > 0 } zoomUser)
                {
                    who["participant_user_id"] = zoomUser;
                }

                if (participant.Email is { Length: > 0 } email)
                {
                    who["email"] = email;
                }

                who["qos"] = new JsonArray([.. QosEventSamples.ToItems(sample)]);
                yield return Body(kind + ".participant_qos", at, instance.AccountId, new JsonObject { ["uuid"] = instance.Uuid, ["participant"] = who });
            }
        }

        if (Left(participant, upTo) && summarised.Add(Key(live, participant)))
        {
            var who = new JsonObject
            {
                ["participant_id"] = participant.UserId,
                ["user_name"] = participant.UserName ?? string.Empty,
                ["id"] = participant.Id ?? string.Empty,
                ["email"] = participant.Email ?? string.Empty,
                ["qos"] = QssSummaryItems.Of(participant),
            };
            yield return Body(kind + ".participant_qos_summary", participant.LeaveTime.Value!.Value, instance.AccountId, new JsonObject
            {
                ["uuid"] = instance.Uuid,
                ["id"] = instance.WebinarId.ToString(CultureInfo.InvariantCulture),
                ["participant"] = who,
            });
        }
    }

    // User IDs are unique within an instance only.
    private static string Key(SimulatedWebinar live, ParticipantQos participant) => live.Instance.Uuid + "|" + participant.UserId;

    private static bool Left(ParticipantQos participant, DateTimeOffset now) => participant.LeaveTime.Value is { } left && left <= now;

    private static DateTimeOffset ZoomTimestamp(JsonObject sample) =>
        Contracts.Values.ZoomTimestamp.Parse(sample["date_time"]?.GetValue<string>()).Value ?? DateTimeOffset.MinValue;

    // Compact JSON, with nothing escaped that JSON.stringify would not escape: a receiver that verifies the signature over
    // its own re-serialization of the body (Zoom's Node SDK does) gets the same bytes.
    private static string Body(string name, DateTimeOffset at, string account, JsonObject target) =>
        new JsonObject
        {
            ["event"] = name,
            ["event_ts"] = at.ToUnixTimeMilliseconds(),
            ["payload"] = new JsonObject { ["account_id"] = account, ["object"] = target },
        }.ToJsonString(Compact);

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
