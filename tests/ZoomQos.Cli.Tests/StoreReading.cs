using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Tests;

internal static class StoreReading
{
    /// <summary>Every session of an instance, as JSON by user_id.</summary>
    public static async Task<Dictionary<string, JsonNode>> SessionsAsync(string storePath, string accountId, string webinarIdOrUuid)
    {
        await using var store = QosStores.Open("sqlite:" + storePath);
        var instance = await store.ResolveInstanceAsync(accountId, webinarIdOrUuid, QosListType.Past) ?? throw new InvalidOperationException($"no instance {webinarIdOrUuid}");
        var sessions = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        ParticipantCursor? after = null;
        do
        {
            var page = await store.ReadParticipantsAsync(instance.Uuid, after, 100);
            foreach (var participant in page.Participants)
            {
                sessions.Add(participant.Cursor.UserId, JsonNode.Parse(participant.Json.Span)!);
            }

            after = page.Next;
        }
        while (after is not null);
        return sessions;
    }

    public static async Task<string> UuidOfAsync(string storePath, string accountId, string webinarId)
    {
        await using var store = QosStores.Open("sqlite:" + storePath);
        return (await store.ResolveInstanceAsync(accountId, webinarId, QosListType.Past))!.Uuid;
    }
}
