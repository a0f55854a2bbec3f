using System.Threading.RateLimiting;

namespace ZoomQos.Server.RateLimiting;

/// <summary>
/// A fixed window of the server's clock (<see cref="TimeProvider"/>): whole seconds, minutes or UTC days, as Zoom
/// counts them, and as a fake clock in the tests moves them. System.Threading.RateLimiting counts the permits; the
/// window is replenished by hand when the clock enters a new one, because the library's own replenishment runs on a
/// timer of real time that no TimeProvider reaches.
/// </summary>
internal sealed class ClockWindow : IDisposable
{
    private readonly TimeSpan _window;
    private readonly Lock _gate = new();
    private readonly FixedWindowRateLimiter _permits;
    private long _index;

    public ClockWindow(int limit, TimeSpan window, DateTimeOffset now)
    {
        _window = window;
        _index = now.UtcTicks / window.Ticks;
        _permits = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromTicks(1), // replenished by hand: a one-tick window lets TryReplenish always refill
            QueueLimit = 0,
            AutoReplenishment = false,
        });
    }

    /// <summary>Takes one permit of the window <paramref name="now"/> falls in.</summary>
    /// <param name="now">The server's clock.</param>
    /// <param name="remaining">Permits left in the window.</param>
    /// <param name="windowEnd">When the window ends (when a refused request may come back).</param>
    public bool TryTake(DateTimeOffset now, out long remaining, out DateTimeOffset windowEnd)
    {
        var index = now.UtcTicks / _window.Ticks;
        lock (_gate)
        {
            if (index > _index)
            {
                _index = index;
                _permits.TryReplenish();
            }
        }

        using var lease = _permits.AttemptAcquire();
        remaining = _permits.GetStatistics()?.CurrentAvailablePermits ?? 0;
        windowEnd = new DateTimeOffset((index + 1) * _window.Ticks, TimeSpan.Zero);
        return lease.IsAcquired;
    }

    public void Dispose() => _permits.Dispose();
}
