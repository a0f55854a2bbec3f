using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ZoomQos.Analysis;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;
using ZoomQos.Simulation;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos demo</c>: the whole tool in one command, on the embedded default. It starts the Zoom-compatible
/// server in-process on a free loopback port over a SQLite store, seeds the demo data set, then works as a real
/// client over HTTP (OAuth, list webinars, every page of the latest past all-hands), analyses it, prints the
/// verdict, the top causes and the ten worst participants, and writes the HTML report.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOption.Create("The store to seed and serve (default: a new SQLite file in a temporary folder, removed afterwards):");
        var html = new Option<string>("--html") { Description = "Where to write the HTML report.", DefaultValueFactory = _ => "zoomqos-report.html" };
        var keep = new Option<bool>("--serve", "--keep-serving") { Description = "Keep the server running afterwards (until Ctrl+C): the dashboard in a browser, and the API for fetch or watch." };
        var command = new Command("demo", "Run the whole tool on built-in demo data: serve, fetch over HTTP, analyse, report. Needs nothing else.")
        {
            store, html, keep,
        };
        command.Description += """


            Examples:
              dotnet run --project src/ZoomQos.Cli -- demo
              zoomqos demo --serve                      # then open the dashboard URL it prints
              zoomqos demo --html /tmp/allhands.html
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var watch = Stopwatch.StartNew();
            var temporary = parse.GetValue(store) is null ? Directory.CreateTempSubdirectory("zoomqos-demo-") : null;
            try
            {
                var spec = parse.GetValue(store) ?? "sqlite:" + Path.Combine(temporary!.FullName, "demo.db");
                await CommandRunner.Say(context, "demo", $"starting the Zoom-compatible server on loopback over {spec.Split(':', 2)[0]} and seeding the demo data set...");
                await using var server = await ZoomQosServer.StartAsync(
                    new ServerOptions
                    {
                        Urls = "http://127.0.0.1:0",
                        Store = spec,
                        SeedDemo = true,
                        TimeProvider = context.TimeProvider,
                        ConfigureServices = parse.GetValue(keep) ? Dashboard.DashboardSetup.AddServices : null,
                        ConfigureApp = parse.GetValue(keep) ? Dashboard.DashboardSetup.Map : null,
                    },
                    logging => logging.SetMinimumLevel(LogLevel.Warning),
                    cancellationToken);
                await CommandRunner.Say(context, "demo", $"server at {server.ApiBaseAddress} (token URL {server.TokenAddress}); account 'demo', client demo-client-id.");

                var settings = new ConnectionSettings(server.ApiBaseAddress, server.TokenAddress, DemoDataSet.AccountId, "demo-client-id", "demo-client-secret", null, Contracts.Accounts.AccountPlan.Business, false);
                using var zoom = ZoomConnection.Open(settings, context);
                var today = DateOnly.FromDateTime(context.TimeProvider.GetUtcNow().UtcDateTime);
                var webinars = new List<Contracts.Webinars.WebinarSummary>();
                await foreach (var webinar in zoom.Client.GetWebinarsAsync(QosListType.Past, today.AddDays(-30), today, cancellationToken).WithCancellation(cancellationToken))
                {
                    webinars.Add(webinar);
                }

                var allHands = webinars.Where(w => w.Id == DemoDataSet.AllHandsWebinarId).OrderByDescending(w => w.StartTime.Value).FirstOrDefault()
                    ?? throw new InvalidOperationException("the demo server listed no all-hands webinar.");
                await CommandRunner.Say(context, "demo", string.Create(CultureInfo.InvariantCulture,
                    $"OAuth token issued; {webinars.Count} past webinars in the last 30 days; analysing the latest '{allHands.Topic}' ({allHands.Id}, {allHands.StartTime.Value:yyyy-MM-dd HH:mm} UTC, {allHands.Participants} participants)."));

                var analyzer = new QosAnalyzer(Thresholds.Default);
                var id = DemoDataSet.AllHandsWebinarId.ToString(CultureInfo.InvariantCulture);
                var sessions = await AnalysisSources.FromApiAsync(context, zoom, new QosTarget(Contracts.Webinars.QosEventKind.Webinar, id), QosListType.Past, analyzer, cancellationToken);
                var report = new ReportDocument(id, QosListTypeNames.Past, server.ApiBaseAddress.AbsoluteUri + " (demo)", context.TimeProvider.GetUtcNow(), analyzer.Complete());
                await context.Out.WriteLineAsync();
                await ReportWriter.WriteAsync(context, report, "table", parse.GetValue(html), null, cancellationToken);
                await CommandRunner.Say(context, "demo", string.Create(CultureInfo.InvariantCulture, $"{sessions:N0} sessions fetched over HTTP and analysed; done in {watch.Elapsed.TotalSeconds:0.0} s."));

                if (parse.GetValue(keep))
                {
                    await CommandRunner.Say(context, "demo", $"dashboard at {new Uri(server.BaseAddress, "webinars")} — sign in as demo@example.com / {DemoDataSet.DemoUserPassword} (hipaa@example.com for the privacy-blanked account).");
                    await CommandRunner.Say(context, "demo", $"API at {server.ApiBaseAddress} — try: zoomqos fetch 81234567890 --type past --base-url {server.ApiBaseAddress} --token-url {server.TokenAddress} --account-id demo --client-id demo-client-id (secret demo-client-secret). Ctrl+C stops.");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return ExitCodes.Success;
                    }
                }

                return ExitCodes.Success;
            }
            finally
            {
                if (temporary is not null)
                {
                    try
                    {
                        temporary.Delete(recursive: true);
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }, cancellationToken));
        return command;
    }
}
