using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZoomQos.Archive.Sync;
using ZoomQos.Server.Hosting;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Services;

/// <summary>
/// <c>serve --sync</c>: the archive's sync hosted in the server, on its store and clock, with its own SDK connection
/// (the account's credentials, as every client command takes them), its state on <c>/health</c> as <c>sync</c> and on
/// <c>/metrics</c> as <c>zoomqos_sync_…</c>.
/// </summary>
internal sealed class SyncHost : BackgroundService, IHealthSection
{
    private readonly ArchiveSync _sync;

    public SyncHost(ZoomConnection zoom, SyncSettings settings, IQosStore store, TimeProvider time, ILogger<ArchiveSync> logger, IMeterFactory meters)
    {
        _sync = new ArchiveSync(store, zoom.Client, settings, time, logger);
        SyncMetrics.Register(meters, () => _sync.Status, time);
    }

    public string Name => "sync";

    /// <summary>Adds the sync to a server's services; the server disposes the connection when it stops.</summary>
    public static void AddTo(IServiceCollection services, ZoomConnection zoom, SyncSettings settings)
    {
        services.AddSingleton(zoom);
        services.AddSingleton(settings);
        services.AddSingleton<SyncHost>();
        services.AddHostedService(provider => provider.GetRequiredService<SyncHost>());
        services.AddSingleton<IHealthSection>(provider => provider.GetRequiredService<SyncHost>());
    }

    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var status = _sync.Status;
        json.WriteStartObject();
        json.WriteString("account_id", status.AccountId);
        json.WriteString("role", status.Active ? "active" : "standby");
        WriteTime(json, "last_run_started", status.LastRunStarted);
        WriteTime(json, "last_run_ended", status.LastRunEnded);
        json.WriteString("checkpoint", status.Checkpoint.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("instances_behind", status.InstancesBehind);
        json.WriteNumber("instances_archived", status.InstancesArchived);
        json.WriteNumber("live_instances", status.LiveInstances);
        WriteTime(json, "last_live_merge", status.LastLiveMerge);
        if (status.LastError is { } error)
        {
            json.WriteString("last_error", error);
        }
        else
        {
            json.WriteNull("last_error");
        }

        json.WriteEndObject();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _sync.RunAsync(stoppingToken);

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
