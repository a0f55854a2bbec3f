using Microsoft.Extensions.Logging;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.Server.Demo;

/// <summary>
/// Makes the demo's live webinar and live meeting accrue: one new sample per participant per simulated minute (and new joiners),
/// merged into the store as time passes. <see cref="Hosting.ServerOptions.DemoTimeScale"/> speeds it up.
/// </summary>
internal sealed partial class LiveDemoFeed(IQosStore store, DemoDataSet demo, DemoClock clock, Hosting.ServerOptions options, ILogger<LiveDemoFeed> logger)
    : DemoMinutes(clock, options)
{
    protected override async Task TickAsync(DateTimeOffset simulatedNow, CancellationToken stoppingToken)
    {
        foreach (var live in demo.InProgress)
        {
            var result = await store.MergeParticipantsAsync(live.Instance.Uuid, live.SnapshotAt(simulatedNow).ToAsyncEnumerable(), stoppingToken);
            LogAccrued(logger, live.Instance.WebinarId, simulatedNow, result.SamplesWritten);
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Live demo instance of {Id} accrued to {SimulatedNow:O}: {Samples} new samples")]
    private static partial void LogAccrued(ILogger logger, long id, DateTimeOffset simulatedNow, long samples);
}
