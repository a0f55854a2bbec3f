using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using Spectre.Console;
using ZoomQos.Analysis;
using ZoomQos.Analysis.Live;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos watch</c>: polls a live webinar inside the rate budget and shows who is poor now and why (the last
/// few minutes of each session, analysed with the quality model); posts a JSON alert when a participant or the
/// webinar turns poor, with a cool-down so that one episode is one alert.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var target = new QosTargetOptions("The live webinar's ID (or its instance UUID).");
        var interval = new Option<string>("--interval", "-i") { Description = "Time between polls: 60s, 2m, 500ms. Each poll costs one Heavy request per 10 participants.", DefaultValueFactory = _ => "60s" };
        var webhook = new Option<string?>("--alert-webhook") { Description = "POST a JSON alert here when a participant or the webinar turns poor." };
        var once = new Option<bool>("--once") { Description = "Poll once, print who is poor now, and exit." };
        var window = new Option<int>("--window") { Description = "Judge each participant on their last N minutes.", DefaultValueFactory = _ => 5 };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve the last poll's figures (sessions, poor now, poor by cause, MOS p10) for Prometheus at http://127.0.0.1:PORT/metrics." };
        var cooldown = new Option<string>("--cooldown") { Description = "No second alert for the same participant (or the webinar) within this long, in webinar time.", DefaultValueFactory = _ => "10m" };
        var thresholds = new ThresholdOptions();
        var connection = new ConnectionOptions();
        var command = new Command("watch", "Watch a live webinar or meeting: who is poor now and why; alerts to a webhook when someone turns poor.");
        target.AddTo(command);
        foreach (var option in new Option[] { interval, webhook, once, window, cooldown, metricsPort })
        {
            command.Options.Add(option);
        }

        foreach (var option in thresholds.All.Concat(connection.All))
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              zoomqos watch 81234567891
              zoomqos watch 81234567891 --interval 30s --alert-webhook https://hooks.example.com/zoom-qos
              zoomqos watch 81234567891 --once
              zoomqos watch 81234567891 --interval 30s --metrics-port 9464   # Prometheus scrapes http://127.0.0.1:9464/metrics
              zoomqos watch --meeting 85234567891 --once
            Alerts: {"webinar_id":…,"at":…,"alerts":[{"kind":"participant_poor","key":"<user_id>","subject":"<name>","verdict":"Poor","cause":…,"evidence":…}]}
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var every = Durations.Parse(parse.GetValue(interval)!, "--interval");
            var quiet = Durations.Parse(parse.GetValue(cooldown)!, "--cooldown");
            var minutes = parse.GetValue(window);
            if (minutes < 1 || every < TimeSpan.FromMilliseconds(100))
            {
                throw new CliUsageException("--window must be 1 minute or more and --interval 100ms or more.");
            }

            Uri? hook = null;
            if (parse.GetValue(webhook) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out hook) && hook.Scheme is "http" or "https"))
            {
                throw new CliUsageException($"--alert-webhook must be an http or https URL, not '{url}'.");
            }

            var rules = await thresholds.ReadAsync(parse, cancellationToken);
            var settings = connection.Read(parse, context);
            using var zoom = ZoomConnection.Open(settings, context);
            using var http = new HttpClient(context.CreateTransport()) { Timeout = TimeSpan.FromSeconds(10) };
            var id = target.Read(parse);
            var watcher = new LiveWatch(minutes, quiet, rules, id.Kind == QosEventKind.Meeting);
            var port = parse.GetValue(metricsPort);
            if (port is not null && parse.GetValue(once))
            {
                throw new CliUsageException("--metrics-port serves while watching: it does not go with --once.");
            }

            using var metrics = port is { } p ? WatchMetrics.Start(p, id.Id) : null;
            if (port is { } listening)
            {
                await CommandRunner.Say(context, "watch", $"Prometheus metrics at {WatchMetrics.Address(listening)}.");
            }

            while (true)
            {
                var poll = watcher.Observe(await LiveSessionsAsync(zoom, id, cancellationToken));
                metrics?.Record(poll);
                if (parse.GetValue(once))
                {
                    WriteTable(context, id, poll);
                    return ExitCodes.Success;
                }

                await CommandRunner.Say(context, "watch", Describe(poll));
                if (poll.Alerts.Count > 0 && hook is not null)
                {
                    await PostAsync(context, http, hook, new WatchAlertBatch(id.Id, poll.At, poll.Alerts), cancellationToken);
                }

                await Task.Delay(every, context.TimeProvider, cancellationToken);
            }
        }, cancellationToken));
        return command;
    }

    private static async Task<List<ParticipantQos>> LiveSessionsAsync(ZoomConnection zoom, QosTarget id, CancellationToken cancellationToken)
    {
        var sessions = new List<ParticipantQos>();
        await foreach (var participant in zoom.Client.GetParticipantsQosAsync(id.Kind, id.Id, QosListType.Live, cancellationToken).WithCancellation(cancellationToken))
        {
            sessions.Add(participant);
        }

        return sessions;
    }

    private static string Describe(LivePoll poll)
    {
        var poor = poll.Analysis.ParticipantResults.Where(p => p.Verdict == ParticipantVerdict.Poor).ToList();
        var top = poll.Analysis.TopCauses.FirstOrDefault(f => f.Kind != CauseKind.Reconnection);
        return string.Create(CultureInfo.InvariantCulture,
            $"{poll.At:HH:mm} UTC — {poll.Analysis.Participants} sessions, {poor.Count} poor now, webinar {poll.Analysis.Verdict}{(top is null ? string.Empty : $"; top cause: {top.Title}")}; {poll.Alerts.Count} new alert(s).");
    }

    private static void WriteTable(CliContext context, QosTarget id, LivePoll poll)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(context.Out) });
        console.Profile.Width = 160;
        console.WriteLine($"{id.Title}: {Describe(poll)}");
        var table = new Table { Border = TableBorder.Rounded };
        foreach (var name in new[] { "Participant", "User ID", "Verdict", "Poor min", "MOS p10", "Why" })
        {
            table.AddColumn(name);
        }

        foreach (var p in poll.Analysis.ParticipantResults.Where(p => p.Verdict == ParticipantVerdict.Poor))
        {
            table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.UserId), p.Verdict.ToString(), p.PoorAudioMinutes.ToString(CultureInfo.InvariantCulture),
                p.MosP10?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-", Markup.Escape(p.Causes.Count > 0 ? ConsoleReport.Capitalize(p.Causes[0].Title) : "-"));
        }

        console.Write(table);
    }

    private static async Task PostAsync(CliContext context, HttpClient http, Uri hook, WatchAlertBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(hook, batch, ReportJsonContext.Default.WatchAlertBatch, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                await CommandRunner.Say(context, "watch", $"warning: the webhook answered HTTP {(int)response.StatusCode} (attempt {attempt} of 2).");
            }
            catch (HttpRequestException ex)
            {
                await CommandRunner.Say(context, "watch", $"warning: the webhook failed: {ex.Message} (attempt {attempt} of 2).");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await CommandRunner.Say(context, "watch", $"warning: the webhook did not answer in 10 s (attempt {attempt} of 2).");
            }
        }
    }
}
