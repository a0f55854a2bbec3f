using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ZoomQos.Analysis;
using ZoomQos.Cli.Connection;
using ZoomQos.Cli.Output;
using ZoomQos.Cli.Report;

namespace ZoomQos.Cli.Commands;

/// <summary><c>zoomqos report</c>: who had a bad webinar, when and why — on the console, as JSON, HTML or CSV.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var webinarId = new Argument<string>("webinarId") { Description = "The webinar ID (its latest instance) or an instance UUID." };
        var type = FetchCommand.TypeOption();
        var fromFile = new Option<string?>("--from-file") { Description = "Analyse this NDJSON file (what fetch --format ndjson writes) instead of calling the API." };
        var store = new Option<string?>("--store", "-s") { Description = "Analyse the instance from this store (sqlite:PATH or postgres:…) instead of calling the API." };
        var account = new Option<string?>("--account") { Description = "With --store: the account. Default: $ZOOM_ACCOUNT_ID, else demo." };
        var html = new Option<string?>("--html") { Description = "Write the HTML report (one self-contained file, works offline) here." };
        var csv = new Option<string?>("--csv") { Description = "Write one CSV row per participant (verdict, minutes, MOS, cause, dimensions) here." };
        var format = new Option<string>("--format", "-f") { Description = "stdout: table (verdict, top causes, ten worst) or json (the whole analysis).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var preset = PresetOption();
        var thresholds = new Option<string?>("--thresholds") { Description = "A JSON file of thresholds overriding the preset's, e.g. {\"latency_poor_ms\": 300}." };
        var connection = new ConnectionOptions();
        var command = new Command("report", "Analyse a webinar: the verdict, the root causes (a panelist's uplink first), every participant's quality; console, JSON, HTML, CSV.")
        {
            webinarId, type, fromFile, store, account, html, csv, format, preset, thresholds,
        };
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos report 81234567890 --type past --html report.html
              zoomqos report 81234567890 --from-file allhands.ndjson --format json > analysis.json
              zoomqos report 81234567890 --type past --store sqlite:archive.db --account demo --csv participants.csv
              zoomqos report 81234567890 --type past --preset teams-cqd --thresholds my-thresholds.json
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var rules = await ReadThresholdsAsync(parse.GetValue(preset)!, parse.GetValue(thresholds), cancellationToken);
            var id = parse.GetValue(webinarId)!;
            var listType = FetchCommand.ParseType(parse.GetValue(type));
            // A live webinar is judged up to the last minute that has ended by this clock; one that has ended, to its end.
            var window = listType == Contracts.Qos.QosListType.Live ? AnalysisWindow.LiveUntil(context.TimeProvider.GetUtcNow().AddMinutes(-1)) : AnalysisWindow.Ended;
            var analyzer = new QosAnalyzer(rules, window: window);
            var watch = Stopwatch.StartNew();
            string source;
            long sessions;
            if (parse.GetValue(fromFile) is { } file)
            {
                sessions = await AnalysisSources.FromFileAsync(file, analyzer, cancellationToken);
                source = Path.GetFileName(file);
            }
            else if (parse.GetValue(store) is { } spec)
            {
                await using var qos = await StoreOption.OpenAsync(spec, cancellationToken);
                var accountId = parse.GetValue(account) ?? context.GetEnvironmentVariable("ZOOM_ACCOUNT_ID") ?? "demo";
                sessions = await AnalysisSources.FromStoreAsync(qos, accountId, id, listType, analyzer, cancellationToken);
                source = spec.Split(':', 2)[0] + " store";
            }
            else
            {
                var settings = connection.Read(parse, context);
                using var zoom = ZoomConnection.Open(settings, context);
                sessions = await AnalysisSources.FromApiAsync(context, zoom, id, listType, analyzer, cancellationToken);
                source = settings.BaseUrl.GetLeftPart(UriPartial.Path);
            }

            var report = new ReportDocument(id, listType == Contracts.Qos.QosListType.Past ? "past" : "live", source, context.TimeProvider.GetUtcNow(), analyzer.Complete());
            await WriteAsync(context, report, parse.GetValue(format)!, parse.GetValue(html), parse.GetValue(csv), cancellationToken);
            await CommandRunner.Say(context, "report", string.Create(CultureInfo.InvariantCulture, $"{sessions:N0} sessions analysed in {watch.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    internal static Option<string> PresetOption()
    {
        var preset = new Option<string>("--preset") { Description = "Thresholds: default (the quality model) or teams-cqd (Microsoft's stricter rules).", DefaultValueFactory = _ => "default" };
        preset.AcceptOnlyFromAmong("default", "teams-cqd");
        return preset;
    }

    internal static async Task<Thresholds> ReadThresholdsAsync(string preset, string? file, CancellationToken cancellationToken)
    {
        var rules = Thresholds.ForPreset(preset);
        if (file is null)
        {
            return rules;
        }

        if (!File.Exists(file))
        {
            throw new CliUsageException($"--thresholds: '{file}' does not exist.");
        }

        try
        {
            return rules.WithOverrides(await File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"--thresholds {file}: {ex.Message}");
        }
    }

    internal static async Task WriteAsync(CliContext context, ReportDocument report, string format, string? html, string? csv, CancellationToken cancellationToken)
    {
        if (html is not null)
        {
            await using var target = OutputTarget.Open(html, context, needsSeek: false);
            await target.Stream.WriteAsync(Encoding.UTF8.GetBytes(HtmlReport.Render(report)), cancellationToken);
            await target.CommitAsync(cancellationToken);
            await CommandRunner.Say(context, "report", $"HTML report written to {Path.GetFullPath(html)}");
        }

        if (csv is not null)
        {
            await using var target = OutputTarget.Open(csv, context, needsSeek: false);
            await target.Stream.WriteAsync(Encoding.UTF8.GetBytes(ConsoleReport.ParticipantsCsv(report.Analysis)), cancellationToken);
            await target.CommitAsync(cancellationToken);
        }

        if (format == "json")
        {
            await using var stdout = context.OpenStandardOutput();
            await JsonSerializer.SerializeAsync(stdout, report, ReportJsonContext.Default.ReportDocument, cancellationToken);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            ConsoleReport.Write(context.Out, report, context.ErrorIsTerminal && !Console.IsOutputRedirected ? Math.Max(100, SafeWidth()) : 160, color: context.ErrorIsTerminal && !Console.IsOutputRedirected);
            await context.Out.FlushAsync(cancellationToken);
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
