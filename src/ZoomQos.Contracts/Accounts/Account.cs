namespace ZoomQos.Contracts.Accounts;

/// <summary>A Zoom account as the emulator and the archive know it.</summary>
/// <param name="Id">The account id (Server-to-Server OAuth's <c>account_id</c>).</param>
/// <param name="Plan">The plan, which sets the rate limits.</param>
/// <param name="DashboardEnabled">Whether the paid Dashboard feature is on; without it the QoS API answers code 200.</param>
/// <param name="PrivacyBlanking">Whether <c>user_name</c>, <c>email</c>, <c>ip_address</c> and <c>location</c> are blanked (no HIPAA BAA).</param>
public sealed record Account(string Id, AccountPlan Plan, bool DashboardEnabled, bool PrivacyBlanking)
{
    /// <summary>
    /// Whether the account has Zoom's QoS Subscription (QSS): without it the <c>qos_summary</c> endpoints answer code 200,
    /// "event subscription not found".
    /// </summary>
    public bool QssSubscription { get; init; }

    /// <summary>
    /// The master account this one is a sub-account of, or <see langword="null"/>: a master account's token (scope
    /// <c>dashboard:master</c>) reads this account's data at <c>/v2/accounts/{accountId}/metrics/…</c>; no other master's does.
    /// </summary>
    public string? MasterAccountId { get; init; }
}
