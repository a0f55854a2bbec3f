namespace ZoomQos.Contracts.Accounts;

/// <summary>A Zoom account's plan, which sets its rate limits (contract section 6).</summary>
public enum AccountPlan
{
    /// <summary>Free: Heavy 1/s, daily cap 1,000.</summary>
    Free,

    /// <summary>Pro: Heavy 10/s, Resource-intensive 10/min, daily cap 30,000.</summary>
    Pro,

    /// <summary>Business, Education, Enterprise: Heavy 40/s, Resource-intensive 20/min, daily cap 60,000.</summary>
    Business,
}
