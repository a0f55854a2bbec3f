using System.Globalization;
using System.IO.Pipelines;
using Spectre.Console;
using ZoomQos.Analysis;
using ZoomQos.Cli.Connection;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>Feeds an analyzer from the API (every page, with progress), an NDJSON file, or a store.</summary>
internal static class AnalysisSources
{
    public static async Task<long> FromApiAsync(CliContext context, ZoomConnection zoom, string webinarId, QosListType type, QosAnalyzer analyzer, CancellationToken cancellationToken)
    {
        long sessions = 0;
        long? total = null;
        var walk = zoom.Client.GetWebinarParticipantsQosAsync(webinarId, type, cancellationToken).AsPages(null, 10, cancellationToken);
        if (!context.ErrorIsTerminal)
        {
            await foreach (var page in walk)
            {
                foreach (var participant in page.Values)
                {
                    analyzer.Add(participant);
                    sessions++;
                }
            }

            return sessions;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        await console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"webinar {Markup.Escape(webinarId)}", maxValue: 1);
                await foreach (var page in walk)
                {
                    total ??= page.TotalRecords;
                    foreach (var participant in page.Values)
                    {
                        analyzer.Add(participant);
                        sessions++;
                    }

                    task.MaxValue = Math.Max(total ?? sessions, sessions);
                    task.Value = sessions;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"webinar {Markup.Escape(webinarId)}: {sessions:N0} of {task.MaxValue:N0} sessions");
                }
            });
        return sessions;
    }

    public static async Task<long> FromFileAsync(string path, QosAnalyzer analyzer, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--from-file: '{path}' does not exist.");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var reader = PipeReader.Create(stream);
        long sessions = 0;
        await foreach (var participant in NdjsonParticipants.ReadAsync(reader, long.MaxValue, cancellationToken))
        {
            analyzer.Add(participant);
            sessions++;
        }

        await reader.CompleteAsync();
        return sessions;
    }

    public static async Task<long> FromStoreAsync(IQosStore store, string accountId, string webinarId, QosListType type, QosAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var instance = await store.ResolveInstanceAsync(accountId, webinarId, type, cancellationToken)
            ?? throw new CliUsageException($"the store has no {(type == QosListType.Past ? "ended" : "live")} instance '{webinarId}' of account '{accountId}' (give --account, or --type live).");
        long sessions = 0;
        ParticipantCursor? after = null;
        do
        {
            using var page = await store.ReadParticipantsAsync(instance.Uuid, after, 100, cancellationToken);
            foreach (var participant in page.Participants)
            {
                analyzer.Add(participant.ToParticipant());
                sessions++;
            }

            after = page.Next;
        }
        while (after is not null);
        return sessions;
    }
}
