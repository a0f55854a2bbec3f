using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ZoomQos.Server.Auth;

/// <summary>
/// Signs and verifies the server's opaque tokens (access tokens and page tokens): base64url payload, a dot,
/// base64url HMAC-SHA256 of it under a key derived per purpose from the configured signing key. The algorithm
/// is fixed (there is no header to choose it), and signatures are compared in constant time.
/// See docs/decisions/0005-server-tokens.md.
/// </summary>
internal sealed class TokenSigner
{
    private readonly byte[] _key;

    public TokenSigner(byte[] signingKey, string purpose)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _key = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes("zoomqos:" + purpose));
    }

    public string Sign(ReadOnlySpan<byte> payload)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, mac);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>The payload of a token whose signature is valid, or null for anything else (never throws).</summary>
    public byte[]? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.'))
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));

            // Only the canonical spelling is accepted: padding, whitespace or stray bits make another token.
            if (!token.AsSpan(0, dot).SequenceEqual(Base64Url.EncodeToString(payload)) || !token.AsSpan(dot + 1).SequenceEqual(Base64Url.EncodeToString(mac)))
            {
                return null;
            }

            Span<byte> expected = stackalloc byte[32];
            HMACSHA256.HashData(_key, payload, expected);
            return mac.Length == 32 && CryptographicOperations.FixedTimeEquals(mac, expected) ? payload : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
