using System.Collections.Concurrent;
using System.Diagnostics;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// A platform stall meter in the manner of jHiccup: a dedicated thread in the measuring process sleeps 1 ms at a time
/// and records how late it wakes. The server is another process, so a stall seen here is the machine's (another
/// tenant of a shared host, the hypervisor) or this process's own (its garbage collector), during which the client
/// could neither send nor time requests. It tells such a stall from one of the server.
/// </summary>
internal sealed class HiccupMeter : IDisposable
{
    // Wake-ups later than this are kept; the rest is scheduling jitter.
    private const double KeepOverMs = 5;
    private readonly Stopwatch _clock;
    private readonly ConcurrentQueue<(TimeSpan At, double LateMs)> _hiccups = new();
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Starts measuring on <paramref name="clock"/>, the clock the requests are timed on.</summary>
    public HiccupMeter(Stopwatch clock)
    {
        _clock = clock;
        _thread = new Thread(Run) { IsBackground = true, Name = "hiccup meter" };
        _thread.Start();
    }

    /// <summary>The longest stall that overlapped the span from <paramref name="from"/> to <paramref name="to"/>, in ms.</summary>
    public double WorstBetween(TimeSpan from, TimeSpan to) =>
        _hiccups.Where(h => h.At >= from && h.At - TimeSpan.FromMilliseconds(h.LateMs) <= to).Select(h => h.LateMs).DefaultIfEmpty(0).Max();

    /// <summary>Every stall over 5 ms, as (when it ended, how long it was).</summary>
    public IReadOnlyList<(TimeSpan At, double LateMs)> Hiccups => [.. _hiccups];

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        var last = _clock.Elapsed;
        while (!_stopping)
        {
            Thread.Sleep(1);
            var now = _clock.Elapsed;
            var late = (now - last).TotalMilliseconds - 1;
            if (late > KeepOverMs)
            {
                _hiccups.Enqueue((now, late));
            }

            last = now;
        }
    }
}
