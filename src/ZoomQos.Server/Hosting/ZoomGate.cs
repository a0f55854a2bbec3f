using System.Globalization;
using Microsoft.AspNetCore.Http;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Server.Auth;
using ZoomQos.Server.Errors;
using ZoomQos.Server.RateLimiting;
using ZoomQos.Server.Telemetry;
using ZoomQos.Storage;

namespace ZoomQos.Server.Hosting;

/// <summary>
/// The choke point every Zoom route passes: bearer token (124), scopes (4711), the account's rate limits
/// (429 with Zoom's headers), on a master account's route the sub-account named (2001 unless it is one of the token's
/// account's own), then plan and Dashboard (200). It answers either the account whose data to serve or the error to send.
/// </summary>
internal sealed class ZoomGate(AccessTokens tokens, IQosStore store, IAccountRateLimiter limiter, ServerOptions options)
{
    // Accounts change rarely and every request needs one: a few seconds of memory save a store call per request.
    private static readonly TimeSpan AccountTtl = TimeSpan.FromSeconds(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Account? Account, DateTimeOffset Until)> _accounts = new(StringComparer.Ordinal);

    public async Task<(Account? Account, IResult? Error)> AdmitAsync(HttpContext http, ZoomOperation operation)
    {
        var (claims, expired) = tokens.Check(http.Request.Headers.Authorization.Count == 1 ? http.Request.Headers.Authorization[0] : null);
        if (claims is null)
        {
            return (null, expired ? ZoomErrors.ExpiredToken() : ZoomErrors.InvalidToken());
        }

        if (!operation.Scopes.Any(claims.Scopes.Contains))
        {
            return (null, ZoomErrors.MissingScopes(operation.Scopes));
        }

        var account = await AccountAsync(claims.Account, http.RequestAborted);
        if (account is null)
        {
            return (null, ZoomErrors.InvalidToken()); // the account was removed after the token was minted
        }

        if (options.RateLimits)
        {
            var decision = await limiter.TryAcquireAsync(account, operation.Category, http.RequestAborted);
            WriteRateHeaders(http.Response, decision);
            if (!decision.Allowed)
            {
                http.Metrics().RateLimited(operation.Category, decision.Daily, injected: false);
                return (null, decision.Daily ? ZoomErrors.DailyLimit() : ZoomErrors.PerSecondLimit());
            }
        }

        // /v2/accounts/{accountId}/…: the master account (whose limits were spent above) reads its sub-account's data.
        if (http.Request.RouteValues.TryGetValue("accountId", out var named))
        {
            var sub = named is string { Length: > 0 and <= 128 } id ? await AccountAsync(id, http.RequestAborted) : null;
            if (sub is null || sub.MasterAccountId != account.Id)
            {
                return (null, ZoomErrors.NotASubAccount());
            }

            account = sub;
        }

        if (operation.NeedsDashboard && (!account.DashboardEnabled || account.Plan == AccountPlan.Free))
        {
            return (null, ZoomErrors.NotPaidOrNoDashboard());
        }

        return (account, null);
    }

    private async Task<Account?> AccountAsync(string id, CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        if (_accounts.TryGetValue(id, out var cached) && cached.Until > now)
        {
            return cached.Account;
        }

        var account = await store.GetAccountAsync(id, cancellationToken);
        _accounts[id] = (account, now + AccountTtl);
        return account;
    }

    private void WriteRateHeaders(HttpResponse response, RateDecision decision)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Category"] = decision.Category == RateCategory.Heavy ? "Heavy" : "Resource-intensive";
        headers["X-RateLimit-Type"] = decision.Daily ? "Daily-limit" : "QPS";
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            RetryAfter.Write(response, decision.RetryAt, options.RetryAfter, options.TimeProvider);
        }
    }
}
