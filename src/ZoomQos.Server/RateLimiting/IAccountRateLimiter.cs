using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Server.RateLimiting;

/// <summary>The account's rate limits, per category and per day: in this process, or shared by every node through Redis.</summary>
internal interface IAccountRateLimiter
{
    /// <summary>Takes one request of the category from the account's budget, or says when to come back.</summary>
    ValueTask<RateDecision> TryAcquireAsync(Account account, RateCategory category, CancellationToken cancellationToken);
}
