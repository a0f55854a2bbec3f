namespace ZoomQos.Storage.Users;

/// <summary>A dashboard user with the hash of their password (ASP.NET Core Identity's format; the store does not read it).</summary>
/// <param name="User">The user.</param>
/// <param name="PasswordHash">The password hash.</param>
public sealed record StoredUser(DashboardUser User, string PasswordHash);
