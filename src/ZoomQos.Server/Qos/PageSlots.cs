namespace ZoomQos.Server.Qos;

/// <summary>
/// How many list pages are read and written at once. A page of 10 sessions × 90 samples holds about 900 KB (its
/// sample chunks, then Kestrel's pipe buffers) from the store read until its last byte is flushed, so the server's
/// memory follows the pages in flight. Unbounded, a burst of 48 connections took the resident set from 67 to 125 MB,
/// and it stayed there: the collector had promoted the burst's pages to gen 2, which steady load never collects,
/// and Kestrel's pinned pool kept its blocks. Requests beyond the limit wait, in order, holding no page
/// (docs/decisions/0012).
/// </summary>
internal sealed class PageSlots : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private int _inFlight;
    private int _highWater;

    public PageSlots(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>The pages in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most pages that were ever in flight at once.</summary>
    public int HighWater => Volatile.Read(ref _highWater);

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var seen = Volatile.Read(ref _highWater); inFlight > seen; seen = Volatile.Read(ref _highWater))
        {
            if (Interlocked.CompareExchange(ref _highWater, inFlight, seen) == seen)
            {
                break;
            }
        }

        return new Slot(this);
    }

    /// <inheritdoc/>
    public void Dispose() => _slots.Dispose();

    private void Leave()
    {
        Interlocked.Decrement(ref _inFlight);
        _slots.Release();
    }

    /// <summary>One page's slot.</summary>
    internal readonly struct Slot(PageSlots owner) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => owner.Leave();
    }
}
