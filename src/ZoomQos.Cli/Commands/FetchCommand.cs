using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ZoomQos.Cli.Output;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Commands;

/// <summary><c>zoomqos fetch</c>: every page of a webinar's participant QoS through the SDK, in the format asked for.</summary>
internal static class FetchCommand
{
    public static Command Create(CliContext context)
    {
        var target = new QosTargetOptions("The webinar ID (its latest instance) or an instance UUID, as Zoom gives it.");
        var type = ListTypeOptions.Type();
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (people), json (one document), ndjson (one participant per line, as Zoom sent it; what import reads), csv or parquet (numbers parsed, units in column names).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "ndjson", "csv", "parquet");
        var wide = new Option<bool>("--wide") { Description = "csv and parquet: one row per session × minute with every stream side by side, instead of the tidy row per session × minute × stream." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (it appears only when the fetch succeeds) instead of stdout." };
        var pageSize = ListTypeOptions.PageSize();
        var raw = new Option<bool>("--raw") { Description = "Print each response's status and body (and a failed response's headers) as they arrive, instead of a format. With --output the file is kept even when the fetch fails: it holds the failed response." };
        var summary = new Option<bool>("--summary") { Description = "Zoom's QSS API instead: one line per participant with each stream's min, average and max (qos_summary; no --type); --format json or ndjson." };
        var connection = new ConnectionOptions();

        var command = new Command("fetch", "Fetch every participant session's QoS of a webinar or a meeting: all pages, every value parsed.");
        target.AddTo(command);
        foreach (var option in new Option[] { type, format, wide, output, pageSize, raw, summary })
        {
            command.Options.Add(option);
        }

        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos fetch 81234567890 --type past --format ndjson -o webinar.ndjson
              zoomqos fetch 81234567890 --type past --format csv --wide -o webinar.csv
              zoomqos fetch "/ajXp112QmuoKj4854875==" --type past --format parquet -o webinar.parquet
              zoomqos fetch 81234567890 --summary --format ndjson -o summaries.ndjson
              zoomqos fetch --meeting 85234567890 --type past --format ndjson -o meeting.ndjson
              zoomqos fetch 81234567890 --base-url http://127.0.0.1:8080/v2 --token-url http://127.0.0.1:8080/oauth/token
            Credentials: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET (or --access-token).
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var settings = connection.Read(parse, context);
            var id = target.Read(parse);
            var listType = ListTypeOptions.Parse(parse.GetValue(type));
            var chosen = Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true);
            if (parse.GetValue(summary))
            {
                return chosen is OutputFormat.Json or OutputFormat.Ndjson && !parse.GetValue(raw)
                    ? await SummaryFetch.RunAsync(context, settings, id, chosen == OutputFormat.Ndjson, parse.GetValue(pageSize), parse.GetValue(output), cancellationToken)
                    : throw new CliUsageException("--summary writes --format json or ndjson (and no --raw).");
            }

            if (parse.GetValue(raw))
            {
                return await FetchRawAsync(context, settings, id, listType, parse.GetValue(pageSize), parse.GetValue(output), cancellationToken);
            }

            await using var file = OutputTarget.Open(parse.GetValue(output), context, needsSeek: chosen == OutputFormat.Parquet);
            using var zoom = ZoomConnection.Open(settings, context);
            var header = new FetchHeader(id, listType);
            var watch = Stopwatch.StartNew();
            WalkTotals walked;
            if (chosen == OutputFormat.Ndjson)
            {
                // NDJSON is each session as the API sent it: its bytes are copied out of the page, never parsed and written again.
                // Written synchronously: an asynchronous file write is a thread-pool hop on Linux, two a session (a
                // quarter of a 5,000 × 120 fetch's CPU went to them, decision 0022), while the next page is already on its way.
                walked = await ParticipantWalk.RunJsonAsync(context, zoom, id, listType, parse.GetValue(pageSize), page =>
                {
                    foreach (var participant in page.Values)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        file.Stream.Write(participant.Utf8.Span);
                        file.Stream.WriteByte((byte)'\n');
                    }

                    return ValueTask.CompletedTask;
                }, cancellationToken);
                await file.Stream.FlushAsync(cancellationToken);
            }
            else
            {
                // The writer is done (disposed at the end of this block) before the file is closed and moved into place.
                await using var writer = ParticipantWriter.Create(chosen, file.Stream, header, parse.GetValue(wide), TableWidth(context));
                walked = await ParticipantWalk.RunAsync(context, zoom, id, listType, parse.GetValue(pageSize), async page =>
                {
                    foreach (var participant in page.Values)
                    {
                        await writer.WriteAsync(participant, cancellationToken);
                    }
                }, cancellationToken);
                await writer.CompleteAsync(walked.Total ?? walked.Sessions, cancellationToken);
            }

            await file.CommitAsync(cancellationToken);
            await CommandRunner.Say(context, "fetch", string.Create(CultureInfo.InvariantCulture, $"{walked.Sessions:N0} sessions in {walked.Pages:N0} pages in {watch.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // --raw: each response as it arrives, to stdout or the file. The file is kept even when the fetch fails, since
    // the failed response (its status, headers and body) is what a raw transcript is for.
    private static async Task<int> FetchRawAsync(CliContext context, ConnectionSettings settings, QosTarget id, QosListType type, int pageSize, string? output, CancellationToken cancellationToken)
    {
        await using var target = OutputTarget.Open(output, context, needsSeek: false);
        var text = new StreamWriter(target.Stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        var watch = Stopwatch.StartNew();
        WalkTotals walked;
        try
        {
            using var zoom = ZoomConnection.Open(settings, context, text);
            walked = await ParticipantWalk.RunAsync(context, zoom, id, type, pageSize, _ => ValueTask.CompletedTask, cancellationToken);
        }
        finally
        {
            await text.DisposeAsync(); // flushes into the target, which is still open
            await target.CommitAsync(CancellationToken.None);
        }

        await CommandRunner.Say(context, "fetch", string.Create(CultureInfo.InvariantCulture, $"{walked.Sessions:N0} sessions in {walked.Pages:N0} pages in {watch.Elapsed.TotalSeconds:0.0} s."));
        return ExitCodes.Success;
    }

    private static int TableWidth(CliContext context)
    {
        try
        {
            return context.ErrorIsTerminal && !Console.IsOutputRedirected ? Math.Max(Console.WindowWidth, 80) : 200;
        }
        catch (IOException)
        {
            return 200;
        }
    }
}
