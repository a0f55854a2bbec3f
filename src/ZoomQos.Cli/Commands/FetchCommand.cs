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
        var raw = new Option<bool>("--raw") { Description = "Print each response's status and body (and a failed response's headers) as they arrive, instead of a format." };
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

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync("fetch", context, async () =>
        {
            var settings = connection.Read(parse, context);
            var id = parse.GetValue(webinarId)!;
            var listType = ParseType(parse.GetValue(type));
            var chosen = Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true);
            var isRaw = parse.GetValue(raw);
            await using var target = OutputTarget.Open(parse.GetValue(output), context, needsSeek: chosen == OutputFormat.Parquet && !isRaw);
            await using var rawText = isRaw ? new StreamWriter(target.Stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) : null;
            using var zoom = ZoomConnection.Open(settings, context, rawText);
            var header = new FetchHeader(id, listType);
            await using var writer = isRaw ? null : ParticipantWriter.Create(chosen, target.Stream, header, parse.GetValue(wide), TableWidth(context));

            var watch = Stopwatch.StartNew();
            var (sessions, pages, total) = await WalkAsync(context, zoom, id, listType, parse.GetValue(pageSize), writer, cancellationToken);
            if (writer is not null)
            {
                await writer.CompleteAsync(total ?? sessions, cancellationToken);
                await writer.DisposeAsync(); // before the file is closed and moved into place
            }

            if (rawText is not null)
            {
                await rawText.FlushAsync(cancellationToken);
            }

            await target.CommitAsync(cancellationToken);
            await CommandRunner.Say(context, "fetch", string.Create(CultureInfo.InvariantCulture, $"{sessions:N0} sessions in {pages:N0} pages in {watch.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
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
