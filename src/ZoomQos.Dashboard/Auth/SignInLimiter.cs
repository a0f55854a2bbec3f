using System.Collections.Concurrent;

namespace ZoomQos.Dashboard.Auth;

/// <summary>
/// Failed sign-ins, counted per address and email: after <see cref="MaxFailures"/> within <see cref="Window"/>, that
/// pair is refused until the window has passed, whether the password is right or not. A success clears the count.
/// (ASP.NET Core's rate limiter counts requests, not failures, so this small rule is ours.)
/// </summary>
internal sealed class SignInLimiter(TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the pair must still wait, or <see langword="null"/> when it may try.</summary>
    public TimeSpan? Blocked(string key)
    {
        if (_failures.TryGetValue(key, out var entry) && entry.Failures >= MaxFailures)
        {
            var left = entry.Since + Window - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                return left;
            }

            _failures.TryRemove(key, out _);
        }

        return null;
    }

    public void Failed(string key)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(key, _ => (1, now), (_, entry) => now - entry.Since > Window ? (1, now) : (entry.Failures + 1, entry.Since));
    }

    public void Succeeded(string key) => _failures.TryRemove(key, out _);
}
