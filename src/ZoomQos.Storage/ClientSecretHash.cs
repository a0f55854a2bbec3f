using System.Security.Cryptography;
using System.Text;

namespace ZoomQos.Storage;

/// <summary>
/// Salted PBKDF2-SHA256 hashes of OAuth client secrets, compared in constant time. The iteration count is
/// stored with each hash so that it can be raised without invalidating stored apps.
/// </summary>
public sealed record ClientSecretHash(byte[] Salt, byte[] Hash, int Iterations)
{
    /// <summary>The iteration count for new hashes.</summary>
    public const int DefaultIterations = 100_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Hashes a secret with a fresh random salt.</summary>
    /// <param name="secret">The client secret.</param>
    /// <param name="iterations">PBKDF2 iterations.</param>
    public static ClientSecretHash Create(string secret, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new ClientSecretHash(salt, Derive(secret, salt, iterations), iterations);
    }

    /// <summary>Whether <paramref name="secret"/> is the secret this hash was made from (constant time).</summary>
    /// <param name="secret">The candidate secret.</param>
    public bool Matches(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return CryptographicOperations.FixedTimeEquals(Derive(secret, Salt, Iterations), Hash);
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
