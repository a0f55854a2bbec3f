using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using ZoomQos.Cli.Connection;
using ZoomQos.Cli.Output;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Commands;

/// <summary><c>zoomqos fetch</c>: every page of a webinar's participant QoS through the SDK, in the format asked for.</summary>
internal static class FetchCommand
{
    public static Command Create(CliContext context)
    {
        var webinarId = new Argument<string>("webinarId") { Description = "The webinar ID (its latest instance) or an instance UUID, as Zoom gives it." };
        var type = TypeOption();
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (people), json (one document), ndjson (one participant per line, as Zoom sent it; what import reads), csv or parquet (numbers parsed, units in column names).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "ndjson", "csv", "parquet");
        var wide = new Option<bool>("--wide") { Description = "csv and parquet: one row per session × minute with every stream side by side, instead of the tidy row per session × minute × stream." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (it appears only when the fetch succeeds) instead of stdout." };
        var pageSize = PageSizeOption();
        var raw = new Option<bool>("--raw") { Description = "Print each response's status and body (and a failed response's headers) as they arrive, instead of a format. With --output the file is kept even when the fetch fails: it holds the failed response." };
        var connection = new ConnectionOptions();

        var command = new Command("fetch", "Fetch every participant session's QoS of a webinar: all pages, every value parsed.")
        {
            webinarId, type, format, wide, output, pageSize, raw,
        };
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos fetch 81234567890 --type past --format ndjson -o webinar.ndjson
              zoomqos fetch 81234567890 --type past --format csv --wide -o webinar.csv
              zoomqos fetch "/ajXp112QmuoKj4854875==" --type past --format parquet -o webinar.parquet
              zoomqos fetch 81234567890 --base-url http://127.0.0.1:8080/v2 --token-url http://127.0.0.1:8080/oauth/token
            Credentials: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET (or --access-token).
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var settings = connection.Read(parse, context);
            var id = parse.GetValue(webinarId)!;
            var listType = ParseType(parse.GetValue(type));
            var chosen = Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true);
            if (parse.GetValue(raw))
            {
                return await FetchRawAsync(context, settings, id, listType, parse.GetValue(pageSize), parse.GetValue(output), cancellationToken);
            }

            await using var target = OutputTarget.Open(parse.GetValue(output), context, needsSeek: chosen == OutputFormat.Parquet);
            using var zoom = ZoomConnection.Open(settings, context);
            var header = new FetchHeader(id, listType);
            var watch = Stopwatch.StartNew();
            long sessions, pages;
            await using (var writer = ParticipantWriter.Create(chosen, target.Stream, header, parse.GetValue(wide), TableWidth(context)))
            {
                (sessions, pages, var total) = await WalkAsync(context, zoom, id, listType, parse.GetValue(pageSize), writer, cancellationToken);
                await writer.CompleteAsync(total ?? sessions, cancellationToken);
            } // the writer is done before the file is closed and moved into place

            await target.CommitAsync(cancellationToken);
            await CommandRunner.Say(context, "fetch", string.Create(CultureInfo.InvariantCulture, $"{sessions:N0} sessions in {pages:N0} pages in {watch.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // --raw: each response as it arrives, to stdout or the file. The file is kept even when the fetch fails, since
    // the failed response (its status, headers and body) is what a raw transcript is for.
    private static async Task<int> FetchRawAsync(CliContext context, ConnectionSettings settings, string id, QosListType type, int pageSize, string? output, CancellationToken cancellationToken)
    {
        await using var target = OutputTarget.Open(output, context, needsSeek: false);
        var text = new StreamWriter(target.Stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        var watch = Stopwatch.StartNew();
        long sessions, pages;
        try
        {
            using var zoom = ZoomConnection.Open(settings, context, text);
            (sessions, pages, _) = await WalkAsync(context, zoom, id, type, pageSize, null, cancellationToken);
        }
        finally
        {
            await text.DisposeAsync(); // flushes into the target, which is still open
            await target.CommitAsync(CancellationToken.None);
        }

        await CommandRunner.Say(context, "fetch", string.Create(CultureInfo.InvariantCulture, $"{sessions:N0} sessions in {pages:N0} pages in {watch.Elapsed.TotalSeconds:0.0} s."));
        return ExitCodes.Success;
    }

    internal static Option<string> TypeOption()
    {
        var type = new Option<string>("--type", "-t")
        {
            Description = "live (the instance in progress; Zoom's default) or past (the last ended instance, or the UUID's).",
            DefaultValueFactory = _ => "live",
        };
        type.AcceptOnlyFromAmong("live", "past");
        return type;
    }

    internal static Option<int> PageSizeOption()
    {
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Participants per request, 1 to 10 (Zoom's maximum; each request costs the same).",
            DefaultValueFactory = _ => 10,
        };
        pageSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10)
            {
                result.AddError("--page-size must be from 1 to 10.");
            }
        });
        return pageSize;
    }

    internal static QosListType ParseType(string? text) => text == "past" ? QosListType.Past : QosListType.Live;

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

    private static async Task<(long Sessions, long Pages, long? Total)> WalkAsync(
        CliContext context, ZoomConnection zoom, string id, QosListType type, int pageSize, ParticipantWriter? writer, CancellationToken cancellationToken)
    {
        long sessions = 0, pages = 0;
        long? total = null;
        var walk = zoom.Client.GetWebinarParticipantsQosAsync(id, type, cancellationToken).AsPages(null, pageSize, cancellationToken);

        async Task Consume(Action? onPage)
        {
            await foreach (var page in walk)
            {
                pages++;
                total ??= page.TotalRecords;
                foreach (var participant in page.Values)
                {
                    if (writer is not null)
                    {
                        await writer.WriteAsync(participant, cancellationToken);
                    }

                    sessions++;
                }

                onPage?.Invoke();
            }
        }

        if (!context.ErrorIsTerminal)
        {
            await Consume(null);
            return (sessions, pages, total);
        }

        // A progress bar on stderr (stdout stays clean for the data): sessions fetched of total_records.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"webinar {Markup.Escape(id)}", maxValue: 1);
                await Consume(() =>
                {
                    task.MaxValue = Math.Max(total ?? sessions, sessions);
                    task.Value = sessions;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"webinar {Markup.Escape(id)}: {sessions:N0} of {task.MaxValue:N0} sessions");
                });
                task.Value = task.MaxValue;
            });
        return (sessions, pages, total);
    }
}
