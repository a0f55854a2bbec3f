namespace ZoomQos.Storage.Webhooks;

/// <summary>
/// One QoS Subscription webhook event as received and verified: kept whole (its body, byte for byte) so that what it
/// carries beyond the REST samples is not lost, and identified by the SHA-256 of its body, so that a redelivery adds nothing.
/// </summary>
/// <param name="Digest">Lowercase hex SHA-256 of <paramref name="Body"/>.</param>
/// <param name="AccountId">The account it is for (<c>payload.account_id</c>).</param>
/// <param name="InstanceUuid">The meeting or webinar instance (<c>payload.object.uuid</c>).</param>
/// <param name="Event">The event's name, e.g. <c>webinar.participant_qos</c>.</param>
/// <param name="EventTs">Zoom's <c>event_ts</c> (milliseconds).</param>
/// <param name="UserId">The participant's <c>user_id</c> (or <c>participant_id</c> in a summary event).</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Body">The body as Zoom sent it.</param>
public sealed record QssEvent(string Digest, string AccountId, string InstanceUuid, string Event, long EventTs, string UserId, DateTimeOffset ReceivedAt, ReadOnlyMemory<byte> Body);
