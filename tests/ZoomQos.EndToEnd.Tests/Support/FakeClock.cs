using Microsoft.Extensions.Time.Testing;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>
/// Moves a fake clock shared by a client and a server while work waits on it (retry back-offs, Retry-After, the
/// rate governor): one step at a time, and only when <c>canAdvance</c> says nothing is under way that the step could
/// overtake. Waits of simulated seconds pass in milliseconds, the same on any machine. A hang fails the test after two
/// minutes; it never paces it.
/// </summary>
internal static class FakeClock
{
    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> work, Func<bool> canAdvance, TimeSpan step)
    {
        using var watchdog = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!work.IsCompleted)
        {
            if (canAdvance())
            {
                time.Advance(step);
            }

            await Task.WhenAny(work, Task.Delay(1, watchdog.Token));
            watchdog.Token.ThrowIfCancellationRequested();
        }

        return await work;
    }
}

/// <summary>The innermost handler of a client under test: counts requests in flight, and when each was sent by the fake clock.</summary>
internal sealed class InFlightCounter(TimeProvider time) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _inFlight;
    private int _tooMany;

    public System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> Sent { get; } = new();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int TooManyRequests => Volatile.Read(ref _tooMany);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            Sent.Enqueue(time.GetUtcNow());
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _tooMany);
            }

            await response.Content.LoadIntoBufferAsync(cancellationToken); // the body, too, arrives before the clock moves
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
