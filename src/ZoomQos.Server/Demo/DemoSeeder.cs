using Microsoft.Extensions.Logging;
using ZoomQos.Server.Dashboard;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.Storage.Users;

namespace ZoomQos.Server.Demo;

/// <summary>Writes the demo data set into a store: accounts, apps, dashboard users, every instance and its sessions (the live one up to now).</summary>
public static partial class DemoSeeder
{
    /// <summary>Seeds the store (idempotent: a second run changes nothing but the live instance's new minutes).</summary>
    /// <param name="store">An initialized store.</param>
    /// <param name="demo">The data set.</param>
    /// <param name="now">Now: the live instance is written up to this minute.</param>
    /// <param name="logger">Where each instance's counts go.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task SeedAsync(IQosStore store, DemoDataSet demo, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(demo);
        foreach (var account in demo.Accounts)
        {
            await store.UpsertAccountAsync(account, cancellationToken);
        }

        foreach (var app in demo.Apps)
        {
            await store.UpsertAppAsync(app.App, app.ClientSecret, cancellationToken);
        }

        foreach (var (email, accountId) in demo.Users)
        {
            if (await store.FindUserAsync(email, cancellationToken) is null)
            {
                var user = new DashboardUser(email, accountId, now);
                try
                {
                    await store.AddUserAsync(user, DashboardPasswords.Hash(user, DemoDataSet.DemoUserPassword), cancellationToken);
                }
                catch (QosStoreConflictException)
                {
                    // another node seeding the same store added it first
                }
            }
        }

        foreach (var webinar in demo.Webinars)
        {
            await store.UpsertInstanceAsync(webinar.Instance, cancellationToken);
            var result = await store.MergeParticipantsAsync(
                webinar.Instance.Uuid,
                webinar.SnapshotAt(webinar.Instance.IsLive ? now : null).ToAsyncEnumerable(),
                cancellationToken);
            LogSeeded(logger, webinar.Instance.WebinarId, webinar.Instance.Uuid, result.SessionsWritten + result.SessionsUnchanged, result.SamplesWritten + result.SamplesUnchanged);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Seeded demo webinar {WebinarId} instance {Uuid}: {Sessions} sessions, {Samples} samples")]
    private static partial void LogSeeded(ILogger logger, long webinarId, string uuid, long sessions, long samples);
}
