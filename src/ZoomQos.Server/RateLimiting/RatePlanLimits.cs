using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Server.RateLimiting;

/// <summary>Contract section 6: the limits of each plan, per account, shared by every app of the account.</summary>
/// <param name="HeavyPerSecond">Heavy requests per second.</param>
/// <param name="ResourceIntensivePerMinute">Resource-intensive requests per minute.</param>
/// <param name="Daily">Heavy and Resource-intensive requests together per UTC day.</param>
public sealed record RatePlanLimits(int HeavyPerSecond, int ResourceIntensivePerMinute, int Daily)
{
    /// <summary>The limits of a plan.</summary>
    /// <param name="plan">The plan.</param>
    public static RatePlanLimits For(AccountPlan plan) => plan switch
    {
        AccountPlan.Free => new(1, 1, 1_000),
        AccountPlan.Pro => new(10, 10, 30_000),
        _ => new(40, 20, 60_000),
    };
}
