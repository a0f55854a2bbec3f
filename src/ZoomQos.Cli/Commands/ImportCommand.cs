using System.CommandLine;
using System.Globalization;
using System.IO.Pipelines;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos import</c>: an NDJSON file of participant objects (what <c>fetch --format ndjson</c> writes) into
/// a store, as one instance. The file is read twice, in constant memory: first to check every line (a bad one
/// is reported with its number and nothing is written), then to merge it in one all-or-nothing transaction.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The NDJSON file: one participant object per line." };
        var store = StoreOption.Create("The store to import into:", required: true);
        var account = new Option<string>("--account") { Description = "The account the instance belongs to (created if the store lacks it).", Required = true };
        var webinar = new Option<long>("--webinar") { Description = "The webinar ID (9 to 11 digits).", Required = true };
        var instance = new Option<string>("--instance") { Description = "The instance UUID.", Required = true };
        var topic = new Option<string?>("--topic") { Description = "The webinar's topic, for a new instance." };
        var start = new Option<string?>("--start") { Description = "The instance's start (ISO 8601, UTC). Default: the earliest join_time in the file." };
        var end = new Option<string?>("--end") { Description = "The instance's end (ISO 8601, UTC). Default: the latest leave_time in the file." };
        var command = new Command("import", "Import an NDJSON file of participant QoS into a store as one webinar instance (all or nothing).")
        {
            file, store, account, webinar, instance, topic, start, end,
        };
        command.Description += """


            Examples:
              zoomqos fetch 81234567890 --type past --format ndjson -o allhands.ndjson
              zoomqos import allhands.ndjson --store sqlite:archive.db --account demo --webinar 81234567890 --instance "QpY1kvRNQSuBQ8zvWh8pVA=="
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliUsageException($"the file '{path}' does not exist.");
            }

            var webinarId = parse.GetValue(webinar);
            if (webinarId is < 100_000_000 or > 99_999_999_999)
            {
                throw new CliUsageException($"--webinar must be a webinar ID of 9 to 11 digits, not {webinarId}.");
            }

            var uuid = parse.GetValue(instance)!;
            var accountId = parse.GetValue(account)!;
            if (string.IsNullOrWhiteSpace(uuid) || string.IsNullOrWhiteSpace(accountId))
            {
                throw new CliUsageException("--instance and --account must not be empty.");
            }

            var startAt = ParseTime(parse.GetValue(start), "--start");
            var endAt = ParseTime(parse.GetValue(end), "--end");

            // Pass 1: every line is a participant; the times of the instance.
            var (count, firstJoin, lastLeave) = await ScanAsync(path, cancellationToken);
            var startTime = startAt ?? firstJoin ?? throw new CliUsageException("the file has no join_time to take the start from; give --start.");
            var endTime = endAt ?? lastLeave ?? startTime;
            if (endTime < startTime)
            {
                throw new CliUsageException("the end is before the start; check --start and --end.");
            }

            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            await StoreAccounts.EnsureAsync(qos, accountId, cancellationToken);

            var existing = await qos.ResolveInstanceAsync(accountId, uuid, QosListType.Past, cancellationToken)
                ?? await qos.ResolveInstanceAsync(accountId, uuid, QosListType.Live, cancellationToken);
            await qos.UpsertInstanceAsync(
                existing is null
                    ? new WebinarInstance(uuid, webinarId, accountId, parse.GetValue(topic) ?? $"Imported from {Path.GetFileName(path)}", string.Empty, string.Empty, startTime, endTime)
                    : existing with { Topic = parse.GetValue(topic) ?? existing.Topic, StartTime = startAt ?? existing.StartTime, EndTime = endAt ?? existing.EndTime ?? endTime },
                cancellationToken);

            // Pass 2: one transaction.
            await using var stream = OpenRead(path);
            var reader = PipeReader.Create(stream);
            var result = await qos.MergeParticipantsAsync(uuid, NdjsonParticipants.ReadAsync(reader, long.MaxValue, cancellationToken), cancellationToken);
            await reader.CompleteAsync();
            await CommandRunner.Say(context, "import", string.Create(
                CultureInfo.InvariantCulture,
                $"{count:N0} sessions into instance {uuid} of webinar {webinarId}: {result.SessionsWritten:N0} sessions and {result.SamplesWritten:N0} samples written, {result.SessionsUnchanged:N0} sessions unchanged."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static DateTimeOffset? ParseTime(string? text, string name) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw new CliUsageException($"{name} must be an ISO 8601 time such as 2026-11-25T16:00:00Z, not '{text}'.");

    private static async Task<(long Count, DateTimeOffset? FirstJoin, DateTimeOffset? LastLeave)> ScanAsync(string path, CancellationToken cancellationToken)
    {
        long count = 0;
        DateTimeOffset? first = null, last = null;
        await using var stream = OpenRead(path);
        var reader = PipeReader.Create(stream);
        await foreach (var participant in NdjsonParticipants.ReadAsync(reader, long.MaxValue, cancellationToken))
        {
            count++;
            if (string.IsNullOrEmpty(participant.UserId))
            {
                throw new NdjsonLineException($"session {count} has no user_id, which keys a session; nothing was imported.");
            }

            if (participant.JoinTime.Value is { } join && (first is null || join < first))
            {
                first = join;
            }

            if (participant.LeaveTime.Value is { } leave && (last is null || leave > last))
            {
                last = leave;
            }
        }

        await reader.CompleteAsync();
        return (count, first, last);
    }
}
