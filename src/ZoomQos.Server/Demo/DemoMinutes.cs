using Microsoft.Extensions.Hosting;

namespace ZoomQos.Server.Demo;

/// <summary>
/// A service that acts once per simulated minute of the demo's live webinar (<see cref="DemoClock"/>) until it ends: the
/// live feed and the webhook sender. The timer starts with the server, not whenever <c>ExecuteAsync</c> gets a thread
/// (.NET runs it on the thread pool), so that a clock moved right after the start is seen.
/// </summary>
internal abstract class DemoMinutes(DemoClock clock, Hosting.ServerOptions options) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>The simulated time when the server started.</summary>
    protected DateTimeOffset StartedAt { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        StartedAt = clock.Now;
        _timer = new PeriodicTimer(clock.Period, options.TimeProvider);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <summary>What to do at a tick, with the simulated now.</summary>
    protected abstract Task TickAsync(DateTimeOffset simulatedNow, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer!.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.Now;
                await TickAsync(now, stoppingToken);
                if (now >= clock.End)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
