using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;
using ZoomQos.Storage.Webhooks;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// What a verified QSS event does to the store. A per-minute webinar or meeting event merges its minutes into the
/// participant's session (the instance created under its UUID when it is new, of the event's kind, its ID unknown until a
/// summary event names it); a summary event is kept and names the instance's webinar or meeting and the participant. Every
/// event is kept whole, once, after its merge, so a redelivery adds nothing and a failure midway loses nothing Zoom will not
/// send again. An event of one kind for an instance of the other changes nothing.
/// </summary>
internal sealed class QssReceiver(IQosStore store, TimeProvider time)
{
    // One writer at a time per session in this process: its stored fields are read, then written back with the new minutes.
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Stores the event; <see langword="false"/> when it is one of another account's instances.</summary>
    /// <exception cref="JsonException">The event lacks what Zoom's schema requires.</exception>
    public async Task<bool> ReceiveAsync(string name, JsonObject root, byte[] body, CancellationToken cancellationToken)
    {
        var payload = root["payload"] as JsonObject ?? throw new JsonException("payload is missing.");
        var account = Text(payload, "account_id", "payload");
        var target = payload["object"] as JsonObject ?? throw new JsonException("payload.object is missing.");
        var uuid = Text(target, "uuid", "payload.object");
        var participant = target["participant"] as JsonObject ?? throw new JsonException("payload.object.participant is missing.");
        var summary = name.EndsWith("_summary", StringComparison.Ordinal);
        var userId = summary ? Text(participant, "participant_id", "payload.object.participant") : Text(participant, "user_id", "payload.object.participant");
        var eventTs = root["event_ts"]?.GetValue<long>() ?? throw new JsonException("event_ts is missing.");
        var record = new QssEvent(Convert.ToHexStringLower(SHA256.HashData(body)), account, uuid, name, eventTs, userId, time.GetUtcNow(), body);
        var kind = QosEventKindNames.OfEvent(name);
        await StoreAccounts.EnsureAsync(store, account, cancellationToken);
        var webinarId = summary && long.TryParse(target["id"]?.ToString(), out var id) && id > 0 ? id : WebinarInstance.UnknownWebinarId;
        var start = summary ? DateTimeOffset.FromUnixTimeMilliseconds(eventTs) : Earliest(participant) ?? DateTimeOffset.FromUnixTimeMilliseconds(eventTs);
        if (!await EnsureInstanceAsync(account, uuid, webinarId, start, kind, cancellationToken))
        {
            return false;
        }

        var stripe = _stripes[(int)((uint)HashCode.Combine(uuid, userId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var stored = (await store.GetParticipantAsync(uuid, userId, cancellationToken))?.ToParticipant();
            if (!summary)
            {
                await MergeAsync(uuid, QosEventSamples.ToParticipant(participant, stored), cancellationToken);
            }
            else if (stored is not null && string.IsNullOrEmpty(stored.UserName) && participant["user_name"]?.GetValue<string>() is { Length: > 0 } userName)
            {
                await MergeAsync(uuid, stored with { UserName = userName, UserQos = [] }, cancellationToken); // the per-minute events name nobody
            }
        }
        finally
        {
            stripe.Release();
        }

        await store.SaveQssEventAsync(record, cancellationToken);
        if (await store.GetAccountAsync(account, cancellationToken) is { QssSubscription: false } known)
        {
            await store.UpsertAccountAsync(known with { QssSubscription = true }, cancellationToken); // its stored events prove it has one
        }

        return true;
    }

    private async Task<bool> EnsureInstanceAsync(string account, string uuid, long webinarId, DateTimeOffset start, QosEventKind kind, CancellationToken cancellationToken)
    {
        var instance = await store.ResolveInstanceAsync(account, uuid, QosListType.Past, cancellationToken);
        if (instance is not null && instance.Kind != kind)
        {
            return false;
        }

        if (instance is not null && (!instance.WebinarIdUnknown || webinarId == WebinarInstance.UnknownWebinarId))
        {
            return true;
        }

        try
        {
            await store.UpsertInstanceAsync(
                instance is not null ? instance with { WebinarId = webinarId } : new WebinarInstance(uuid, webinarId, account, string.Empty, string.Empty, string.Empty, start, null) { Kind = kind },
                cancellationToken);
            return true;
        }
        catch (QosStoreConflictException)
        {
            return false; // the UUID (or the webinar) is another account's
        }
    }

    private Task<MergeResult> MergeAsync(string uuid, ParticipantQos participant, CancellationToken cancellationToken) =>
        store.MergeParticipantsAsync(uuid, new[] { participant }.ToAsyncEnumerable(), cancellationToken);

    private static DateTimeOffset? Earliest(JsonObject participant) =>
        (participant["qos"] as JsonArray)?.Select(q => ZoomTimestamp.Parse((q as JsonObject)?["date_time"]?.GetValue<string>()).Value).Where(v => v is not null).Min();

    private static string Text(JsonObject parent, string name, string at) =>
        parent[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length is > 0 and <= 256 ? text : throw new JsonException($"{at}.{name} is missing or not a string.");
}
