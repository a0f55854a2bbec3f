using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ZoomQos.Archive.Summaries;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos archive</c>: every ended webinar instance in a date range (or those of the webinars named), every
/// session and sample, into a store that outlives Zoom's 12-month retention. Resumable: each page is stored with
/// a checkpoint in one transaction, so a second run fetches only what is missing and never a session twice.
/// </summary>
internal static class ArchiveCommand
{
    // Zoom's page tokens last 15 minutes; an older checkpoint's token is not worth trying.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14);

    // After Ctrl+C the page in flight may finish (so it is stored, not fetched twice) for this long.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public static Command Create(CliContext context)
    {
        var webinars = new Argument<string[]>("webinarId") { Description = "Webinar IDs or instance UUIDs to archive; none means every webinar in the range.", Arity = ArgumentArity.ZeroOrMore };
        var range = new DayRange(30, "30 days");
        var store = StoreOption.Create("The store to archive into:", required: true);
        var pageSize = ListTypeOptions.PageSize();
        var connection = new ConnectionOptions();
        var command = new Command("archive", "Archive ended webinars (every session and sample, and each one's analysis summary) into a store; a second run fetches only what is missing.")
        {
            webinars, range.From, range.To, store, pageSize,
        };
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos archive --from 2026-10-01 --to 2026-11-26 --store sqlite:archive.db
              zoomqos archive 81234567890 --store sqlite:archive.db
              zoomqos archive --store "postgres:Host=db;Database=zoomqos;Username=zoomqos"
            The list of webinars is asked for one month at a time (Zoom's limit). Ctrl+C stores the page in flight
            and stops; run the same command again to go on.
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var settings = connection.Read(parse, context);
            var (first, last) = range.Read(parse, context);

            var wanted = parse.GetValue(webinars) ?? [];
            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            using var zoom = ZoomConnection.Open(settings, context, prefetchPages: false);
            var accountId = zoom.Credential.AccountId ?? settings.AccountId ?? "archive";
            await StoreAccounts.EnsureAsync(qos, accountId, cancellationToken);

            using var walkCancel = new CancellationTokenSource();
            await using var stopping = cancellationToken.Register(() => walkCancel.CancelAfter(StopGrace));
            var instances = await ListInstancesAsync(zoom, first, last, wanted, context, walkCancel.Token);
            var run = new ArchiveRun(qos, zoom, accountId, parse.GetValue(pageSize), context, cancellationToken, walkCancel.Token);
            await run.ArchiveAsync(instances);
            await CommandRunner.Say(context, "archive", string.Create(
                CultureInfo.InvariantCulture,
                $"{instances.Count} instances between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}: {run.Skipped} already complete, {run.Archived} archived, {run.SessionsFetched:N0} sessions fetched, {run.Summarized} summarised."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<List<WebinarSummary>> ListInstancesAsync(ZoomConnection zoom, DateOnly first, DateOnly last, string[] wanted, CliContext context, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, WebinarSummary>(StringComparer.Ordinal);
        for (var start = first; start <= last; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1) is var monthEnd && monthEnd < last ? monthEnd : last;
            await foreach (var webinar in zoom.Client.GetWebinarsAsync(QosListType.Past, start, end, cancellationToken).WithCancellation(cancellationToken))
            {
                if (webinar.Uuid is { Length: > 0 } uuid && webinar.EndTime.Value is not null
                    && (wanted.Length == 0 || wanted.Contains(uuid, StringComparer.Ordinal) || wanted.Contains(webinar.Id?.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)))
                {
                    found.TryAdd(uuid, webinar);
                }
            }
        }

        foreach (var id in wanted)
        {
            if (!found.Values.Any(w => w.Uuid == id || w.Id?.ToString(CultureInfo.InvariantCulture) == id))
            {
                await CommandRunner.Say(context, "archive", $"warning: no ended instance of '{id}' started between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}; widen --from/--to.");
            }
        }

        return [.. found.Values.OrderBy(w => w.StartTime.Value).ThenBy(w => w.Uuid, StringComparer.Ordinal)];
    }

    private sealed class ArchiveRun(IQosStore store, ZoomConnection zoom, string accountId, int pageSize, CliContext context, CancellationToken stop, CancellationToken walk)
    {
        public int Skipped { get; private set; }

        public int Archived { get; private set; }

        public long SessionsFetched { get; private set; }

        public int Summarized { get; private set; }

        public async Task ArchiveAsync(List<WebinarSummary> instances)
        {
            if (!context.ErrorIsTerminal)
            {
                foreach (var instance in instances)
                {
                    await ArchiveOneAsync(instance, null);
                }

                return;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async progress =>
                {
                    var overall = progress.AddTask($"{instances.Count} instances", maxValue: Math.Max(1, instances.Count));
                    foreach (var instance in instances)
                    {
                        var task = progress.AddTask(Markup.Escape($"{instance.Id} {instance.StartTime.Value:yyyy-MM-dd HH:mm}"), maxValue: Math.Max(1, instance.Participants ?? 1));
                        await ArchiveOneAsync(instance, (done, total) =>
                        {
                            task.MaxValue = Math.Max(1, Math.Max(total ?? done, done));
                            task.Value = done;
                        });
                        task.Value = task.MaxValue;
                        overall.Increment(1);
                    }
                });
        }

        private async Task ArchiveOneAsync(WebinarSummary summary, Action<long, long?>? progress)
        {
            var uuid = summary.Uuid!;
            var known = await store.ResolveInstanceAsync(accountId, uuid, QosListType.Past, walk);
            await store.UpsertInstanceAsync(
                new WebinarInstance(uuid, summary.Id ?? 0, accountId, summary.Topic ?? string.Empty, summary.Host ?? string.Empty, summary.Email ?? string.Empty, summary.StartTime.Value!.Value, summary.EndTime.Value)
                {
                    DataWithheld = known?.DataWithheld ?? false, // an archive's hold outlives a new run
                },
                walk);
            var checkpoint = await store.GetCheckpointAsync(uuid, walk);
            if (checkpoint is { Complete: true })
            {
                Skipped++;
                progress?.Invoke(checkpoint.SessionsFetched, checkpoint.TotalRecords);
                await SummarizeAsync(uuid, onlyIfMissing: true); // an archive made before summaries existed gets them now
                return;
            }

            var now = context.TimeProvider.GetUtcNow();
            var resume = checkpoint is { NextPageToken: { } token } && now - checkpoint.UpdatedAt < TokenLifetime ? token : null;
            var fetched = resume is null ? 0 : checkpoint!.SessionsFetched;
            var before = SessionsFetched;
            try
            {
                fetched = await WalkAsync(uuid, resume, fetched, progress);
            }
            catch (ZoomApiException ex) when (resume is not null && ex.Code == 300)
            {
                // The checkpoint's page token expired after all: start this instance again (merges are idempotent).
                fetched = await WalkAsync(uuid, null, 0, progress);
            }

            Archived++;
            await SummarizeAsync(uuid, onlyIfMissing: false);
            if (!context.ErrorIsTerminal)
            {
                await CommandRunner.Say(context, "archive", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{summary.Id} {uuid} ({summary.StartTime.Value:yyyy-MM-dd HH:mm}): {fetched:N0} sessions stored, {SessionsFetched - before:N0} fetched{(resume is null ? string.Empty : " (resumed)")}."));
            }
        }

        /// <summary>The instance, complete now, analysed once and its summary stored for trends and the dashboard.</summary>
        private async Task SummarizeAsync(string uuid, bool onlyIfMissing)
        {
            if (onlyIfMissing && await store.GetSummaryAsync(accountId, uuid, walk) is not null)
            {
                return;
            }

            var instance = await store.ResolveInstanceAsync(accountId, uuid, QosListType.Past, walk);
            if (instance is not null)
            {
                await InstanceSummaries.ComputeAsync(store, instance, context.TimeProvider.GetUtcNow(), cancellationToken: walk);
                Summarized++;
            }
        }

        private async Task<long> WalkAsync(string uuid, string? token, long fetched, Action<long, long?>? progress)
        {
            var resumedAt = fetched;
            await ParticipantWalk.RunAsync(zoom, uuid, QosListType.Past, pageSize, token, async page =>
            {
                // The page is stored with where the walk stands, in one transaction, whatever happens next.
                fetched += page.Values.Count;
                SessionsFetched += page.Values.Count;
                await store.MergeParticipantsAsync(
                    uuid,
                    page.Values.ToAsyncEnumerable(),
                    new ArchiveCheckpoint(uuid, page.ContinuationToken, fetched, page.TotalRecords, page.ContinuationToken is null, context.TimeProvider.GetUtcNow()),
                    CancellationToken.None);
                stop.ThrowIfCancellationRequested();
            }, progress is null ? null : (done, total) => progress(resumedAt + done, total), walk);
            return fetched;
        }
    }
}
