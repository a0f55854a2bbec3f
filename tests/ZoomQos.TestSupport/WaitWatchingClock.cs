using Microsoft.Extensions.Time.Testing;

namespace ZoomQos.TestSupport;

/// <summary>
/// A fake clock that says when the code under test starts a wait of a given length (a <c>Task.Delay</c> or a
/// <c>PeriodicTimer</c> on this <see cref="TimeProvider"/>): a test moves the clock only once the wait is set, so a
/// step is never taken before the code is there to see it. Time itself is the <see cref="FakeTimeProvider"/>'s.
/// </summary>
public sealed class WaitWatchingClock(FakeTimeProvider inner, TimeSpan watched) : TimeProvider
{
    private readonly SemaphoreSlim _waits = new(0);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watched)
        {
            _waits.Release();
        }

        return timer;
    }

    /// <summary>Returns once a wait of the watched length has been set; false if <paramref name="work"/> ended first, or after two minutes (a hang).</summary>
    public async Task<bool> NextWaitAsync(Task work)
    {
        var waited = _waits.WaitAsync(TimeSpan.FromMinutes(2));
        return await Task.WhenAny(waited, work) == waited && await waited;
    }
}
