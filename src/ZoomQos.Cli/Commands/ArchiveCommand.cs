using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ZoomQos.Archive.Sync;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos archive</c>: every ended webinar and meeting instance in a date range (or those of the webinars and meetings named), every
/// session and sample, into a store that outlives Zoom's 12-month retention. Resumable: each page is stored with
/// a checkpoint in one transaction, so a second run fetches only what is missing and never a session twice.
/// </summary>
internal static class ArchiveCommand
{
    // After Ctrl+C the page in flight may finish (so it is stored, not fetched twice) for this long.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public static Command Create(CliContext context)
    {
        var webinars = new Argument<string[]>("webinarId") { Description = "Webinar IDs or instance UUIDs to archive; none (and no --meeting) means every webinar and meeting in the range.", Arity = ArgumentArity.ZeroOrMore };
        var meetings = new Option<string[]>("--meeting") { Description = "A meeting ID or instance UUID to archive (repeat for more).", Arity = ArgumentArity.ZeroOrMore };
        var range = new DayRange(30, "30 days");
        var store = StoreOption.Create("The store to archive into:", required: true);
        var pageSize = ListTypeOptions.PageSize();
        var connection = new ConnectionOptions();
        var command = new Command("archive", "Archive ended webinars and meetings (every session and sample, and each one's analysis summary) into a store; a second run fetches only what is missing.")
        {
            webinars, meetings, range.From, range.To, store, pageSize,
        };
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos archive --from 2026-10-01 --to 2026-11-26 --store sqlite:archive.db
              zoomqos archive 81234567890 --store sqlite:archive.db
              zoomqos archive --meeting 85234567890 --store sqlite:archive.db
              zoomqos archive --store "postgres:Host=db;Database=zoomqos;Username=zoomqos"
            The lists of webinars and meetings are asked for one month at a time (Zoom's limit). Ctrl+C stores the page in flight
            and stops; run the same command again to go on.
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var settings = connection.Read(parse, context);
            var (first, last) = range.Read(parse, context);

            QosTarget[] wanted = [
                .. (parse.GetValue(webinars) ?? []).Select(id => new QosTarget(QosEventKind.Webinar, id)),
                .. (parse.GetValue(meetings) ?? []).Select(id => new QosTarget(QosEventKind.Meeting, id))];
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

    private static async Task<List<WebinarSummary>> ListInstancesAsync(ZoomConnection zoom, DateOnly first, DateOnly last, QosTarget[] wanted, CliContext context, CancellationToken cancellationToken)
    {
        static bool Names(QosTarget target, WebinarSummary w) =>
            target.Kind == w.Kind && (target.Id == w.Uuid || target.Id == w.Id?.ToString(CultureInfo.InvariantCulture));

        var found = (await WebinarListing.EndedAsync(zoom.Client, first, last, cancellationToken))
            .Where(w => wanted.Length == 0 || wanted.Any(t => Names(t, w)))
            .ToList();

        foreach (var target in wanted)
        {
            if (!found.Any(w => Names(target, w)))
            {
                await CommandRunner.Say(context, "archive", $"warning: no ended instance of {target} started between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}; widen --from/--to.");
            }
        }

        return found;
    }

    private sealed class ArchiveRun(IQosStore store, ZoomConnection zoom, string accountId, int pageSize, CliContext context, CancellationToken stop, CancellationToken walk)
    {
        private readonly InstanceArchiver _archiver = new(store, zoom.Client, accountId, pageSize, context.TimeProvider);

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
            var result = await _archiver.ArchiveAsync(summary, progress, stop, walk);
            SessionsFetched += result.Fetched;
            Summarized += result.Summarized ? 1 : 0;
            if (result.Skipped)
            {
                Skipped++;
                return;
            }

            Archived++;
            if (!context.ErrorIsTerminal)
            {
                await CommandRunner.Say(context, "archive", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{summary.Id} {summary.Uuid} ({summary.StartTime.Value:yyyy-MM-dd HH:mm}): {result.Stored:N0} sessions stored, {result.Fetched:N0} fetched{(result.Resumed ? " (resumed)" : string.Empty)}."));
            }
        }
    }
}
