namespace ZoomQos.Client.Credentials;

/// <summary>Supplies bearer tokens for Zoom API calls.</summary>
public abstract class ZoomCredential
{
    /// <summary>A valid access token; with <paramref name="forceRefresh"/>, a new one even if a cached one looks valid.</summary>
    /// <param name="forceRefresh">Whether to ignore a cached token (after a 401 with code 124).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public abstract ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
