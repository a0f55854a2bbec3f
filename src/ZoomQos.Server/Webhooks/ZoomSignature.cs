using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// Zoom's webhook signature, both ways: <c>x-zm-signature</c> is <c>v0=</c> and the hex HMAC-SHA256, keyed by the app's
/// secret token, of <c>v0:{x-zm-request-timestamp}:{body}</c>; the URL validation's <c>encryptedToken</c> is the hex
/// HMAC-SHA256 of the plain token. A timestamp more than <see cref="Tolerance"/> from now is refused. Compared in constant time.
/// </summary>
public static class ZoomSignature
{
    /// <summary>How far a request's timestamp may be from now.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The <c>x-zm-signature</c> of a body sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    /// <param name="secretToken">The app's secret token.</param>
    /// <param name="timestamp">The <c>x-zm-request-timestamp</c>.</param>
    /// <param name="body">The body's bytes.</param>
    public static string Sign(string secretToken, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretToken);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:"));
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Hex(secretToken, message);
    }

    /// <summary>The URL validation's <c>encryptedToken</c>: the hex HMAC-SHA256 of <paramref name="plainToken"/>.</summary>
    /// <param name="secretToken">The app's secret token.</param>
    /// <param name="plainToken">Zoom's <c>payload.plainToken</c>.</param>
    public static string EncryptToken(string secretToken, string plainToken) => Hex(secretToken, Encoding.UTF8.GetBytes(plainToken));

    /// <summary>Why a request is refused, or <see langword="null"/> when its signature and timestamp hold.</summary>
    /// <param name="secretToken">The app's secret token.</param>
    /// <param name="timestampHeader">The <c>x-zm-request-timestamp</c> as sent.</param>
    /// <param name="signatureHeader">The <c>x-zm-signature</c> as sent.</param>
    /// <param name="body">The body's bytes.</param>
    /// <param name="now">Now.</param>
    public static string? Refusal(string secretToken, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signatureHeader) || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return "the request has no x-zm-signature or x-zm-request-timestamp";
        }

        if (timestamp > now.AddYears(100).ToUnixTimeSeconds() || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return "the request's timestamp is more than 5 minutes from now";
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secretToken, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? null : "the signature does not match";
    }

    private static string Hex(string secretToken, byte[] message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretToken), message));
}
