using Microsoft.AspNetCore.Identity;
using ZoomQos.Storage;
using ZoomQos.Storage.Users;

namespace ZoomQos.Server.Dashboard;

/// <summary>
/// Dashboard passwords, hashed and checked with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// salted, its iteration count in the hash): the one place that makes or reads a hash, for <c>users add</c>, the demo
/// seed and sign-in.
/// </summary>
public static class DashboardPasswords
{
    /// <summary>The shortest password <c>users add</c> accepts.</summary>
    public const int MinimumLength = 8;

    private static readonly PasswordHasher<DashboardUser> Hasher = new();
    private static readonly DashboardUser Decoy = new("decoy@example.invalid", "decoy", DateTimeOffset.UnixEpoch);
    private static readonly string DecoyHash = Hasher.HashPassword(Decoy, "decoy-password");

    /// <summary>Why a password cannot be used, or <see langword="null"/> when it can.</summary>
    /// <param name="password">The password.</param>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "the password is empty"
        : password.Length < MinimumLength ? $"the password is shorter than {MinimumLength} characters"
        : null;

    /// <summary>The hash to store.</summary>
    /// <param name="user">The user.</param>
    /// <param name="password">Their password, checked with <see cref="Problem"/>.</param>
    public static string Hash(DashboardUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Problem(password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(password));
        }

        return Hasher.HashPassword(user, password);
    }

    /// <summary>
    /// The user whose email and password these are, or <see langword="null"/>; an unknown email costs the same work as a
    /// wrong password, so that which one was wrong does not show in the timing.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="email">The email as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<DashboardUser?> SignInAsync(IQosStore store, string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = string.IsNullOrWhiteSpace(email) ? null : await store.FindUserAsync(email, cancellationToken);
        if (stored is null)
        {
            _ = Hasher.VerifyHashedPassword(Decoy, DecoyHash, password ?? string.Empty);
            return null;
        }

        return Hasher.VerifyHashedPassword(stored.User, stored.PasswordHash, password ?? string.Empty) == PasswordVerificationResult.Failed ? null : stored.User;
    }
}
