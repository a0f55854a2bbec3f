using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server.Auth;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// Signed keyset page tokens: bound to the account, the instance and the type, valid for 15 minutes after
/// they were issued. A token that fails any of these is "invalid or expired" (code 300), never a crash.
/// </summary>
internal sealed class PageTokens(byte[] signingKey, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly TokenSigner _signer = new(signingKey, "page-token");

    public string Issue(string account, string instanceUuid, QosListType type, ParticipantCursor after)
    {
        var claims = new PageTokenClaims(account, instanceUuid, type.ToWire(), after.JoinMs, after.UserId, time.GetUtcNow().ToUnixTimeSeconds());
        return _signer.Sign(JsonSerializer.SerializeToUtf8Bytes(claims, ServerJsonContext.Default.PageTokenClaims));
    }

    public ParticipantCursor? Read(string token, string account, string instanceUuid, QosListType type)
    {
        var claims = Decode<PageTokenClaims>(token, ServerJsonContext.Default.PageTokenClaims);
        return claims is not null
            && claims.Account == account
            && claims.Instance == instanceUuid
            && claims.Type == type.ToWire()
            && claims.UserId is not null
            && Fresh(claims.IssuedAt)
            ? new ParticipantCursor(claims.JoinMs, claims.UserId)
            : null;
    }

    public string IssueWebinars(string account, string query, InstanceCursor after) =>
        _signer.Sign(JsonSerializer.SerializeToUtf8Bytes(
            new WebinarPageTokenClaims(account, query, after.StartMs, after.Uuid, time.GetUtcNow().ToUnixTimeSeconds()),
            ServerJsonContext.Default.WebinarPageTokenClaims));

    public InstanceCursor? ReadWebinars(string token, string account, string query)
    {
        var claims = Decode<WebinarPageTokenClaims>(token, ServerJsonContext.Default.WebinarPageTokenClaims);
        return claims is not null && claims.Account == account && claims.Query == query && claims.Uuid is not null && Fresh(claims.IssuedAt)
            ? new InstanceCursor(claims.StartMs, claims.Uuid)
            : null;
    }

    private bool Fresh(long issuedAt)
    {
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issuedAt);
        return age >= TimeSpan.FromMinutes(-1) && age < Lifetime;
    }

    private T? Decode<T>(string token, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var payload = _signer.Verify(token);
        if (payload is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
