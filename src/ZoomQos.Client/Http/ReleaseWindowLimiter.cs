using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;

namespace ZoomQos.Client.Http;

/// <summary>
/// At most <c>limit</c> permits taken in any <c>spacing</c>, counted from when each comes back: a permit is held while
/// its request is out and returns <c>spacing</c> after its lease is disposed (when the response came), not after it was
/// taken. A server counts a request when it arrives, which is after the permit and before the response; so any
/// <c>limit + 1</c> requests in a row reach it at least <c>spacing</c> apart however long a send took to leave (a new
/// connection, the first request's JIT). Waiters are admitted oldest first on the given clock's timers.
/// Written by hand: System.Threading.RateLimiting's windows count a permit from its acquisition (decision 0027).
/// </summary>
internal sealed class ReleaseWindowLimiter : RateLimiter
{
    private static readonly RateLimitLease Refused = new Lease(null, 0, acquired: false);

    private readonly int _limit;
    private readonly long _spacing; // in the clock's timestamp units
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly Queue<long> _returned = new(); // when each returned permit is free again (timestamps, oldest first)
    private readonly LinkedList<Waiter> _waiting = new();
    private int _held;
    private long _successful;
    private long _failed;
    private bool _disposed;

    public ReleaseWindowLimiter(int limit, TimeSpan spacing, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
        _spacing = (long)(spacing.TotalSeconds * time.TimestampFrequency);
        _time = time;
        _timer = time.CreateTimer(static state => ((ReleaseWindowLimiter)state!).Admit(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            Expire();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _limit - _held - _returned.Count,
                CurrentQueuedCount = _waiting.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Check(permitCount);
            Expire();
            if (_waiting.Count == 0 && Fits(permitCount))
            {
                return Take(permitCount);
            }

            _failed++;
            return Refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Check(permitCount);
            Expire();
            if (_waiting.Count == 0 && Fits(permitCount))
            {
                return ValueTask.FromResult<RateLimitLease>(Take(permitCount));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(permitCount);
            var node = _waiting.AddLast(waiter);
            waiter.Registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
            Schedule();
            return new ValueTask<RateLimitLease>(waiter.Task.Task);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        List<Waiter> abandoned;
        lock (_gate)
        {
            _disposed = true;
            abandoned = [.. _waiting];
            _waiting.Clear();
        }

        _timer.Dispose();
        abandoned.ForEach(w => w.Task.TrySetException(new ObjectDisposedException(nameof(ReleaseWindowLimiter))));
    }

    private void Check(int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitCount, 1);
    }

    private bool Fits(int permitCount) => _held + _returned.Count + permitCount <= _limit;

    private Lease Take(int permitCount)
    {
        _held += permitCount;
        _successful++;
        return new Lease(this, permitCount, acquired: true);
    }

    private void Return(int permitCount)
    {
        lock (_gate)
        {
            _held -= permitCount;
            var free = _time.GetTimestamp() + _spacing;
            for (var i = 0; i < permitCount; i++)
            {
                _returned.Enqueue(free);
            }

            Schedule();
        }
    }

    // Drops the returned permits whose spacing has passed.
    private void Expire()
    {
        var now = _time.GetTimestamp();
        while (_returned.TryPeek(out var free) && free <= now)
        {
            _returned.Dequeue();
        }
    }

    private void Admit()
    {
        var admitted = new List<(Waiter Waiter, Lease Lease)>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Expire();
            while (_waiting.First is { } first && Fits(first.Value.Permits))
            {
                _waiting.RemoveFirst();
                admitted.Add((first.Value, Take(first.Value.Permits)));
            }

            Schedule();
        }

        foreach (var (waiter, lease) in admitted)
        {
            waiter.Registration.Dispose();
            if (!waiter.Task.TrySetResult(lease))
            {
                lease.Dispose(); // cancelled meanwhile: the permit goes back
            }
        }
    }

    // With someone waiting, the timer fires when the oldest returned permit is free (a held one wakes it on return).
    private void Schedule()
    {
        if (!_disposed && _waiting.Count > 0 && _returned.TryPeek(out var free))
        {
            // Rounded up, and at least a tick: a timer that fired before the permit is free would find nothing to admit.
            var ticks = (long)Math.Ceiling((free - _time.GetTimestamp()) * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency);
            _timer.Change(TimeSpan.FromTicks(Math.Max(1, ticks)), Timeout.InfiniteTimeSpan);
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return;
            }

            _waiting.Remove(node);
            _failed++;
        }

        node.Value.Task.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Task { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(ReleaseWindowLimiter? owner, int permits, bool acquired) : RateLimitLease
    {
        private int _returned;

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, [NotNullWhen(true)] out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (owner is not null && Interlocked.Exchange(ref _returned, 1) == 0)
            {
                owner.Return(permits);
            }
        }
    }
}
