namespace ZoomQos.Client.Credentials;

/// <summary>Where <see cref="ServerToServerOAuthCredential"/> keeps tokens; replace it to share tokens between processes.</summary>
public interface IZoomTokenCache
{
    /// <summary>The cached token for <paramref name="key"/>, or <see langword="null"/>.</summary>
    /// <param name="key">Token URL, account and client id.</param>
    CachedToken? Find(string key);

    /// <summary>Stores a token.</summary>
    /// <param name="key">Token URL, account and client id.</param>
    /// <param name="token">The token and its expiry.</param>
    void Store(string key, CachedToken token);
}

/// <summary>A cached access token and when it expires.</summary>
/// <param name="AccessToken">The bearer token. Never log it.</param>
/// <param name="ExpiresAt">When Zoom stops accepting it.</param>
public sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"CachedToken {{ ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>The default cache: in this process's memory.</summary>
public sealed class InMemoryZoomTokenCache : IZoomTokenCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public CachedToken? Find(string key) => _tokens.TryGetValue(key, out var token) ? token : null;

    /// <inheritdoc/>
    public void Store(string key, CachedToken token) => _tokens[key] = token;
}
