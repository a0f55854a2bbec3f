using Microsoft.Extensions.Logging;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server.Dashboard;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.Storage.Users;

namespace ZoomQos.Server.Demo;

/// <summary>Writes the demo data set into a store: accounts, apps, dashboard users, every instance and its sessions (the live one up to now).</summary>
public static partial class DemoSeeder
{
    /// <summary>
    /// Seeds the store (idempotent: a second run changes nothing but the live instance's new minutes). An ended
    /// instance already stored as the data set has it (the same instance and as many sessions: a merge is all or
    /// nothing, and the data set is a function of its reference time) is left alone instead of merged again.
    /// </summary>
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

        // The apps' and users' salted hashes (PBKDF2, about a second in all) are made on another core while the
        // webinars are simulated and written: neither needs the other, only the accounts above.
        await Task.WhenAll(Task.Run(() => SeedCredentialsAsync(store, demo, now, cancellationToken), cancellationToken), SeedWebinarsAsync(store, demo, now, logger, cancellationToken));
    }

    // Each app and user on its own: their hashes (about 20 ms each) then run on both cores once the webinars are written,
    // instead of one after another behind the webinars' write transactions (the last of them ended 0.14-0.30 s after
    // the webinars; docs/PERFORMANCE.md, 2026-12-06).
    private static Task SeedCredentialsAsync(IQosStore store, DemoDataSet demo, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.WhenAll(demo.Apps.Select(app => Task.Run(() => SeedAppAsync(store, app, cancellationToken), cancellationToken))
            .Concat(demo.Users.Select(user => Task.Run(() => SeedUserAsync(store, user.Email, user.AccountId, now, cancellationToken), cancellationToken))));

    private static async Task SeedAppAsync(IQosStore store, DemoApp app, CancellationToken cancellationToken)
    {
        // Stored with its secret already: a new salt would change the store for nothing. An app not stored at all is
        // written at once (authenticating it would cost a decoy hash first).
        if (await store.FindAppAsync(app.App.ClientId, cancellationToken) is null
            || await store.AuthenticateAppAsync(app.App.ClientId, app.ClientSecret, cancellationToken) is not { } stored
            || stored.AccountId != app.App.AccountId
            || !stored.Scopes.SequenceEqual(app.App.Scopes))
        {
            await store.UpsertAppAsync(app.App, app.ClientSecret, cancellationToken);
        }
    }

    private static async Task SeedUserAsync(IQosStore store, string email, string accountId, DateTimeOffset now, CancellationToken cancellationToken)
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

    private static async Task SeedWebinarsAsync(IQosStore store, DemoDataSet demo, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var webinar in demo.Webinars)
        {
            var instance = webinar.Instance;
            var stored = await store.ResolveInstanceAsync(instance.AccountId, instance.Uuid, instance.IsLive ? QosListType.Live : QosListType.Past, cancellationToken);
            if (!instance.IsLive && stored == instance && await store.CountParticipantsAsync(instance.Uuid, cancellationToken) == webinar.SessionCount)
            {
                LogAlreadySeeded(logger, instance.WebinarId, instance.Uuid);
                continue;
            }

            await store.UpsertInstanceAsync(instance, cancellationToken);
            var sessions = webinar.SnapshotAt(instance.IsLive ? now : null).ToAsyncEnumerable();

            // Seeded before at another reference time (the instances' UUIDs do not move with it, their minutes do):
            // what it stored goes, else the old minutes would stay beside the new ones.
            var result = stored is null || stored.StartTime == instance.StartTime
                ? await store.MergeParticipantsAsync(instance.Uuid, sessions, cancellationToken)
                : await store.ReplaceParticipantsAsync(instance.Uuid, sessions, cancellationToken);
            LogSeeded(logger, instance.WebinarId, instance.Uuid, result.SessionsWritten + result.SessionsUnchanged, result.SamplesWritten + result.SamplesUnchanged);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Seeded demo webinar {WebinarId} instance {Uuid}: {Sessions} sessions, {Samples} samples")]
    private static partial void LogSeeded(ILogger logger, long webinarId, string uuid, long sessions, long samples);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Demo webinar {WebinarId} instance {Uuid} is already stored as seeded")]
    private static partial void LogAlreadySeeded(ILogger logger, long webinarId, string uuid);
}
