using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.Server.Demo;

/// <summary>
/// Makes the demo's live webinar accrue: one new sample per participant per simulated minute (and new joiners),
/// merged into the store as time passes. <see cref="Hosting.ServerOptions.DemoTimeScale"/> speeds it up.
/// </summary>
internal sealed partial class LiveDemoFeed(IQosStore store, DemoDataSet demo, Hosting.ServerOptions options, ILogger<LiveDemoFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var time = options.TimeProvider;
        var wallStart = time.GetUtcNow();
        var scale = Math.Max(options.DemoTimeScale, 0.001);
        var live = demo.Live;
        var end = live.Instance.StartTime.AddMinutes(DemoDataSet.LiveDurationMinutes);
        var period = TimeSpan.FromSeconds(Math.Clamp(60 / scale, 0.05, 60));
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var simulatedNow = demo.ReferenceTime + ((time.GetUtcNow() - wallStart) * scale);
                if (simulatedNow > end)
                {
                    simulatedNow = end;
                }

                var result = await store.MergeParticipantsAsync(live.Instance.Uuid, live.SnapshotAt(simulatedNow).ToAsyncEnumerable(), stoppingToken);
                LogAccrued(logger, simulatedNow, result.SamplesWritten);
                if (simulatedNow >= end)
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

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Live demo webinar accrued to {SimulatedNow:O}: {Samples} new samples")]
    private static partial void LogAccrued(ILogger logger, DateTimeOffset simulatedNow, long samples);
}
