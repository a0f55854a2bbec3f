using System.Security.Cryptography;
using System.Text.Json;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Server.Auth;

/// <summary>Mints and checks access tokens: signed, 3,600 s, carrying the account and the scopes.</summary>
internal sealed class AccessTokens(byte[] signingKey, TimeProvider time)
{
    public const int LifetimeSeconds = 3600;

    private readonly TokenSigner _signer = new(signingKey, "access-token");

    public string Issue(ApiApp app)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new AccessTokenClaims(app.AccountId, [.. app.Scopes], now, now + LifetimeSeconds, Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        return _signer.Sign(JsonSerializer.SerializeToUtf8Bytes(claims, ServerJsonContext.Default.AccessTokenClaims));
    }

    /// <summary>Checks an <c>Authorization</c> header value.</summary>
    public (AccessTokenClaims? Claims, bool Expired) Check(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || authorization.Length > 4096 || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return (null, false);
        }

        var payload = _signer.Verify(authorization[Bearer.Length..].Trim());
        if (payload is null)
        {
            return (null, false);
        }

        AccessTokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(payload, ServerJsonContext.Default.AccessTokenClaims);
        }
        catch (JsonException)
        {
            return (null, false);
        }

        if (claims is null || string.IsNullOrEmpty(claims.Account))
        {
            return (null, false);
        }

        return time.GetUtcNow().ToUnixTimeSeconds() >= claims.ExpiresAt ? (null, true) : (claims, false);
    }
}
