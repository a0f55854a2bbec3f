using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Contracts.OAuth;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Server.Telemetry;
using ZoomQos.Storage;

namespace ZoomQos.Server.Auth;

/// <summary>
/// Server-to-Server OAuth (contract section 7): <c>POST /oauth/token?grant_type=account_credentials&amp;account_id=…</c>
/// with <c>Authorization: Basic base64(client_id:client_secret)</c>; the parameters may also come as a form body.
/// Failures use the OAuth shape, <c>{"reason":…,"error":…}</c>.
/// </summary>
internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuth(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueToken)
            .WithTags("OAuth")
            .WithName("serverToServerOAuthToken")
            .WithSummary("Server-to-Server OAuth: account credentials")
            .DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> IssueToken(HttpContext http, AppAuthenticator authenticator, AccessTokens tokens, IQosStore store)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        string? Parameter(string name) =>
            http.Request.Query.TryGetValue(name, out var q) && q.Count == 1 ? q[0]
            : form is not null && form.TryGetValue(name, out var f) && f.Count == 1 ? f[0]
            : null;

        if (Parameter("grant_type") != "account_credentials")
        {
            return Refuse(http, 400, "Unsupported grant type", "unsupported_grant_type");
        }

        var accountId = Parameter("account_id");
        if (string.IsNullOrEmpty(accountId) || accountId.Length > 256)
        {
            return Refuse(http, 400, "Invalid request : account_id is required.", "invalid_request");
        }

        if (await store.GetAccountAsync(accountId, http.RequestAborted) is null)
        {
            return Refuse(http, 400, "Invalid request : Account does not exist.", "invalid_request");
        }

        if (!TryBasic(http.Request.Headers.Authorization.Count == 1 ? http.Request.Headers.Authorization[0] : null, out var clientId, out var secret))
        {
            return Refuse(http, 401, "Invalid client_id or client_secret", "invalid_client");
        }

        var app = await authenticator.AuthenticateAsync(clientId, secret, http.RequestAborted);
        if (app is null || app.AccountId != accountId)
        {
            return Refuse(http, 401, "Invalid client_id or client_secret", "invalid_client");
        }

        http.Metrics().TokenIssued();
        return TypedResults.Json(
            new OAuthToken
            {
                AccessToken = tokens.Issue(app),
                TokenType = "bearer",
                ExpiresIn = AccessTokens.LifetimeSeconds,
                Scope = string.Join(' ', app.Scopes),
                ApiUrl = $"{http.Request.Scheme}://{http.Request.Host}",
            },
            ZoomJsonContext.Wire.OAuthToken);
    }

    private static JsonHttpResult<OAuthError> Refuse(HttpContext http, int status, string reason, string error)
    {
        http.Metrics().TokenRefused(error);
        return Error(status, reason, error);
    }

    internal static JsonHttpResult<OAuthError> Error(int status, string reason, string error) =>
        TypedResults.Json(new OAuthError { Reason = reason, Error = error }, ZoomJsonContext.Wire.OAuthError, statusCode: status);

    private static bool TryBasic(string? header, out string clientId, out string secret)
    {
        clientId = secret = string.Empty;
        const string Basic = "Basic ";
        if (header is null || header.Length > 2048 || !header.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[header.Length];
        if (!Convert.TryFromBase64String(header[Basic.Length..].Trim(), bytes, out var written))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        (clientId, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
