using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZoomQos.Analysis;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Commands;

/// <summary><c>zoomqos report</c>: who had a bad webinar, when and why — on the console, as JSON, HTML or CSV.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var target = new QosTargetOptions("The webinar ID (its latest instance) or an instance UUID.");
        var type = ListTypeOptions.Type();
        var fromFile = new Option<string?>("--from-file") { Description = "Analyse this NDJSON file (what fetch --format ndjson writes) instead of calling the API." };
        var store = StoreOption.Create("Analyse the instance from this store instead of calling the API:");
        var account = StoreOption.Account();
        var html = new Option<string?>("--html") { Description = "Write the HTML report (one self-contained file, works offline) here." };
        var csv = new Option<string?>("--csv") { Description = "Write one CSV row per participant (verdict, minutes, MOS, cause, dimensions) here." };
        var format = new Option<string>("--format", "-f") { Description = "stdout: table (verdict, top causes, ten worst) or json (the whole analysis).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var thresholds = new ThresholdOptions();
        var connection = new ConnectionOptions();
        var command = new Command("report", "Analyse a webinar or a meeting: the verdict, the root causes (a sender's uplink first), every participant's quality; console, JSON, HTML, CSV.");
        target.AddTo(command);
        foreach (var option in new Option[] { type, fromFile, store, account, html, csv, format })
        {
            command.Options.Add(option);
        }

        foreach (var option in thresholds.All.Concat(connection.All))
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos report 81234567890 --type past --html report.html
              zoomqos report 81234567890 --from-file allhands.ndjson --format json > analysis.json
              zoomqos report 81234567890 --type past --store sqlite:archive.db --account demo --csv participants.csv
              zoomqos report 81234567890 --type past --preset teams-cqd --thresholds my-thresholds.json
              zoomqos report --meeting 85234567890 --type past
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var rules = await thresholds.ReadAsync(parse, cancellationToken);
            var id = target.Read(parse);
            var listType = ListTypeOptions.Parse(parse.GetValue(type));
            // A live webinar is judged up to the last minute that has ended by this clock; one that has ended, to its end.
            var window = (listType == Contracts.Qos.QosListType.Live ? AnalysisWindow.LiveUntil(context.TimeProvider.GetUtcNow().AddMinutes(-1)) : AnalysisWindow.Ended)
                with
            { IsMeeting = id.Kind == Contracts.Webinars.QosEventKind.Meeting };
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
                var accountId = StoreOption.AccountOf(parse, account, context);
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

            var report = new ReportDocument(id.Id, listType.ToWire(), source, context.TimeProvider.GetUtcNow(), analyzer.Complete()) { Meeting = id.Kind == Contracts.Webinars.QosEventKind.Meeting };
            await ReportWriter.WriteAsync(context, report, parse.GetValue(format)!, parse.GetValue(html), parse.GetValue(csv), cancellationToken);
            await CommandRunner.Say(context, "report", string.Create(CultureInfo.InvariantCulture, $"{sessions:N0} sessions analysed in {watch.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
