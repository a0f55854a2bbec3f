namespace ZoomQos.Client.Credentials;

/// <summary>A token obtained elsewhere, used as is. It cannot be refreshed.</summary>
/// <param name="accessToken">The bearer token.</param>
public sealed class StaticTokenCredential(string accessToken) : ZoomCredential
{
    private readonly string _accessToken = string.IsNullOrWhiteSpace(accessToken) ? throw new ArgumentException("The access token is empty.", nameof(accessToken)) : accessToken;

    /// <inheritdoc/>
    public override ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult(_accessToken);

    /// <summary>Never shows the token.</summary>
    public override string ToString() => nameof(StaticTokenCredential);
}
