using System.IO.Pipelines;
using ZoomQos.Analysis;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Services;

/// <summary>Feeds an analyzer from the API (every page, with progress), an NDJSON file, or a store.</summary>
internal static class AnalysisSources
{
    public static async Task<long> FromApiAsync(CliContext context, ZoomConnection zoom, QosTarget target, QosListType type, QosAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var walked = await ParticipantWalk.RunAsync(context, zoom, target, type, 10, page =>
        {
            foreach (var participant in page.Values)
            {
                analyzer.Add(participant);
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);
        return walked.Sessions;
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

    public static async Task<long> FromStoreAsync(IQosStore store, string accountId, QosTarget target, QosListType type, QosAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var instance = await store.ResolveInstanceAsync(accountId, target.Id, type, cancellationToken) is { } found && found.Kind == target.Kind ? found : null;
        if (instance is null)
        {
            throw new CliUsageException($"the store has no {(type == QosListType.Past ? "ended" : "live")} instance of {target} in account '{accountId}' (give --account, or --type live).");
        }

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
