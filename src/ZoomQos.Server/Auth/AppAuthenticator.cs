using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Storage;

namespace ZoomQos.Server.Auth;

/// <summary>
/// Checks client credentials against the store's salted PBKDF2 hashes, and remembers a success for five
/// minutes as a keyed SHA-256 digest, so that a client asking for tokens often does not pay PBKDF2 each
/// time. Failures are never remembered: guessing always pays the full cost. A remembered success still asks the
/// store whether the app exists unchanged (one indexed read, no PBKDF2), so that an app removed by
/// <c>zoomqos apps remove</c>, from any process, gets no new token at once. Client IDs are never reused with another
/// secret (<c>apps add</c> makes a new random one each time).
/// </summary>
internal sealed class AppAuthenticator(IQosStore store, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (byte[] Digest, ApiApp App, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public async Task<ApiApp?> AuthenticateAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var digest = HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(clientSecret));
        if (_verified.TryGetValue(clientId, out var known) && known.Until > time.GetUtcNow() && CryptographicOperations.FixedTimeEquals(known.Digest, digest))
        {
            var current = await store.FindAppAsync(clientId, cancellationToken);
            if (current is not null && current.AccountId == known.App.AccountId && current.Scopes.SequenceEqual(known.App.Scopes, StringComparer.Ordinal))
            {
                return known.App;
            }

            _verified.TryRemove(clientId, out _);
            if (current is null)
            {
                return null;
            }
        }

        var app = await store.AuthenticateAppAsync(clientId, clientSecret, cancellationToken);
        if (app is not null)
        {
            _verified[clientId] = (digest, app, time.GetUtcNow() + Remember);
        }

        return app;
    }
}
