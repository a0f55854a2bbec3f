namespace ZoomQos.Contracts.Accounts;

/// <summary>
/// Zoom's rate limits of each plan (contract section 6), per account and shared by every app of the account: what
/// the server enforces, what the client's governor paces to, and what <c>zoomqos doctor</c> reports.
/// </summary>
/// <param name="HeavyPerSecond">Heavy requests (the QoS endpoints) per second.</param>
/// <param name="ResourceIntensivePerMinute">Resource-intensive requests (the list of webinars) per minute.</param>
/// <param name="Daily">Heavy and Resource-intensive requests together per UTC day.</param>
public sealed record PlanLimits(int HeavyPerSecond, int ResourceIntensivePerMinute, int Daily)
{
    /// <summary>The limits of a plan.</summary>
    /// <param name="plan">The plan.</param>
    public static PlanLimits For(AccountPlan plan) => plan switch
    {
        AccountPlan.Free => new(1, 1, 1_000),
        AccountPlan.Pro => new(10, 10, 30_000),
        _ => new(40, 20, 60_000),
    };
}
