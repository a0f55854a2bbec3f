using System.Diagnostics.Metrics;

namespace ZoomQos.Archive.Sync;

/// <summary>
/// The archive sync's meter, <c>ZoomQos.Sync</c>, read off its <see cref="SyncStatus"/> at each scrape: passes by
/// outcome, instances archived, instances listed but not yet archived, and the lag (seconds since a pass last ended).
/// </summary>
public static class SyncMetrics
{
    /// <summary>The meter's name, for a meter provider to listen to.</summary>
    public const string MeterName = "ZoomQos.Sync";

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>; they live as long as the factory.</summary>
    /// <param name="meters">The host's meter factory.</param>
    /// <param name="status">Where the sync stands now.</param>
    /// <param name="time">The clock the lag is measured on.</param>
    public static void Register(IMeterFactory meters, Func<SyncStatus> status, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(time);
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter(
            "zoomqos.sync.runs",
            () =>
            {
                var now = status();
                return new[] { new Measurement<long>(now.Runs - now.FailedRuns, new KeyValuePair<string, object?>("outcome", "ok")), new Measurement<long>(now.FailedRuns, new KeyValuePair<string, object?>("outcome", "failed")) };
            },
            "{run}",
            "Passes over the account's ended webinars, by outcome (ok, failed).");
        meter.CreateObservableCounter("zoomqos.sync.instances_archived", () => status().InstancesArchived, "{instance}", "Instances archived since the server started.");
        meter.CreateObservableGauge("zoomqos.sync.instances_behind", () => status().InstancesBehind, "{instance}", "Ended instances listed but not yet complete in the archive.");
        meter.CreateObservableGauge(
            "zoomqos.sync.lag",
            () => status().LastRunEnded is { } ended ? [new Measurement<double>((time.GetUtcNow() - ended).TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s",
            "Seconds since the last pass over ended webinars ended (none before the first).");
    }
}
