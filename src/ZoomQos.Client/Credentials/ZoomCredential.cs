namespace ZoomQos.Client.Credentials;

/// <summary>Supplies bearer tokens for Zoom API calls.</summary>
public abstract class ZoomCredential
{
    /// <summary>The Zoom account the tokens are for, when known: rate limits are counted per account.</summary>
    public virtual string? AccountId => null;

    /// <summary>A valid access token; with <paramref name="forceRefresh"/>, a new one even if a cached one looks valid.</summary>
    /// <param name="forceRefresh">Whether to ignore a cached token (after a 401 with code 124).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public abstract ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
