namespace ZoomQos.Storage.Users;

/// <summary>A person who signs in to the dashboard; they see one account's data, as the API would show it.</summary>
/// <param name="Email">The sign-in name, kept in lower case.</param>
/// <param name="AccountId">The account whose data they see.</param>
/// <param name="Created">When the user was added.</param>
public sealed record DashboardUser(string Email, string AccountId, DateTimeOffset Created)
{
    /// <summary>The form every email is kept and looked up in: trimmed, lower case (invariant).</summary>
    /// <param name="email">An email as typed.</param>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
