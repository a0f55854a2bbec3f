using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Client.Credentials;

/// <summary>
/// Zoom's Server-to-Server OAuth (account credentials): asks the token URL for a token, keeps it until 60 s
/// before it expires, and refreshes it once for all concurrent callers. The secret never reaches a log,
/// an exception message or <see cref="ToString"/>.
/// </summary>
public sealed class ServerToServerOAuthCredential : ZoomCredential, IDisposable
{
    /// <summary>Zoom's token URL.</summary>
    public static readonly Uri ZoomTokenUri = new("https://zoom.us/oauth/token");

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly string _accountId;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly Uri _tokenUri;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly IZoomTokenCache _cache;
    private readonly string _cacheKey;
    private readonly SemaphoreSlim _refresh = new(1, 1);

    /// <summary>Creates the credential.</summary>
    /// <param name="accountId">The Zoom account id.</param>
    /// <param name="clientId">The app's client id.</param>
    /// <param name="clientSecret">The app's client secret.</param>
    /// <param name="tokenUri">The token URL (Zoom's by default; our server's <c>/oauth/token</c> for the emulator).</param>
    /// <param name="httpClient">The client to call the token URL with; one is made when absent.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cache">Where to keep tokens; in memory by default.</param>
    public ServerToServerOAuthCredential(string accountId, string clientId, string clientSecret, Uri? tokenUri = null, HttpClient? httpClient = null, TimeProvider? timeProvider = null, IZoomTokenCache? cache = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        (_accountId, _clientId, _clientSecret) = (accountId, clientId, clientSecret);
        _tokenUri = tokenUri ?? ZoomTokenUri;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _time = timeProvider ?? TimeProvider.System;
        _cache = cache ?? new InMemoryZoomTokenCache();
        _cacheKey = $"{_tokenUri}|{accountId}|{clientId}";
    }

    /// <inheritdoc/>
    public override string AccountId => _accountId;

    /// <inheritdoc/>
    public override async ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var cached = _cache.Find(_cacheKey);
        if (!forceRefresh && Fresh(cached))
        {
            return cached!.AccessToken;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited: use that token unless it is the one refused.
            var now = _cache.Find(_cacheKey);
            if (Fresh(now) && (!forceRefresh || now!.AccessToken != cached?.AccessToken))
            {
                return now!.AccessToken;
            }

            var token = await RequestAsync(cancellationToken);
            _cache.Store(_cacheKey, token);
            return token.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Names the account and client, never the secret.</summary>
    public override string ToString() => $"ServerToServerOAuthCredential {{ Account = {_accountId}, Client = {_clientId}, TokenUri = {_tokenUri} }}";

    /// <inheritdoc/>
    public void Dispose()
    {
        _refresh.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private bool Fresh(CachedToken? token) => token is not null && token.ExpiresAt - RefreshMargin > _time.GetUtcNow();

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri($"{_tokenUri}?grant_type=account_credentials&account_id={Uri.EscapeDataString(_accountId)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}")));
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string? reason = null;
            try
            {
                reason = JsonSerializer.Deserialize(body, ZoomJsonContext.Default.OAuthError)?.Reason;
            }
            catch (JsonException)
            {
            }

            throw new ZoomAuthenticationException(
                $"The token URL {_tokenUri} refused the credentials of client '{_clientId}' for account '{_accountId}' (HTTP {(int)response.StatusCode}: {reason ?? "no reason given"}). " +
                "Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET against the Server-to-Server OAuth app in the Zoom Marketplace.",
                (int)response.StatusCode);
        }

        var token = JsonSerializer.Deserialize(body, ZoomJsonContext.Default.OAuthToken);
        if (token?.AccessToken is not { Length: > 0 } accessToken || token.ExpiresIn <= 0)
        {
            throw new ZoomAuthenticationException($"The token URL {_tokenUri} answered without an access token.", (int)response.StatusCode);
        }

        return new CachedToken(accessToken, _time.GetUtcNow().AddSeconds(token.ExpiresIn));
    }
}
