using System.Text.Json.Serialization;

namespace ZoomQos.Server.Auth;

/// <summary>What an access token carries: the account, the scopes, and its lifetime (Unix seconds).</summary>
internal sealed record AccessTokenClaims(
    [property: JsonPropertyName("a")] string Account,
    [property: JsonPropertyName("s")] string[] Scopes,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("n")] string Nonce);

/// <summary>What a page token carries: whose walk it is, of which instance and type, where it stands, and when it was issued (Unix seconds).</summary>
internal sealed record PageTokenClaims(
    [property: JsonPropertyName("a")] string Account,
    [property: JsonPropertyName("i")] string Instance,
    [property: JsonPropertyName("t")] string Type,
    [property: JsonPropertyName("j")] long JoinMs,
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("iat")] long IssuedAt);

/// <summary>The position of a list-webinars walk.</summary>
internal sealed record WebinarPageTokenClaims(
    [property: JsonPropertyName("a")] string Account,
    [property: JsonPropertyName("q")] string Query,
    [property: JsonPropertyName("s")] long StartMs,
    [property: JsonPropertyName("u")] string Uuid,
    [property: JsonPropertyName("iat")] long IssuedAt);

/// <summary>The ingestion API's instance body.</summary>
internal sealed record InstanceBody(
    [property: JsonPropertyName("webinar_id")] long WebinarId,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("host_name")] string? HostName,
    [property: JsonPropertyName("host_email")] string? HostEmail,
    [property: JsonPropertyName("start_time")] DateTimeOffset StartTime,
    [property: JsonPropertyName("end_time")] DateTimeOffset? EndTime,
    [property: JsonPropertyName("data_withheld")] bool? DataWithheld = null);

[JsonSerializable(typeof(AccessTokenClaims))]
[JsonSerializable(typeof(PageTokenClaims))]
[JsonSerializable(typeof(WebinarPageTokenClaims))]
[JsonSerializable(typeof(InstanceBody))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
