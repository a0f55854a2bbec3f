using System.CommandLine;
using System.Text.Json;
using ZoomQos.Analysis.History;
using ZoomQos.Archive.Summaries;
using ZoomQos.Archive.Trends;
using ZoomQos.Cli.Output;
using ZoomQos.Cli.Trends;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos trends</c>: what only shows across webinars, read from an archive's stored summaries — a recurring
/// webinar's instances (<c>--webinar</c>), a participant's sessions (<c>--participant</c>), or the whole account over a
/// range against the range before it.
/// </summary>
internal static class TrendsCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOption.Create("The archive to read:", required: true);
        var account = StoreOption.Account();
        var webinar = new Option<long?>("--webinar") { Description = "A recurring webinar's ID: its instances in date order, and the causes that recur." };
        var participant = new Option<string?>("--participant") { Description = "A participant's email (or name, for sessions without one): every session with its verdict and cause." };
        var range = new DayRange(365, "a year");
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv (csv: the trend's main table).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("trends", "Trends across webinars from an archive: a recurring webinar, a participant's history, or the account's breakdowns against the previous range.")
        {
            store, account, webinar, participant, range.From, range.To, format,
        };
        command.Description += """


            Examples:
              zoomqos trends --store sqlite:archive.db --from 2026-01-01 --to 2026-06-30
              zoomqos trends --store sqlite:archive.db --webinar 81234567890 --format json
              zoomqos trends --store sqlite:archive.db --participant ada.lovelace@example.com --format csv > ada.csv
            Trends read the summaries that 'zoomqos archive' (and 'serve --sync') store for each ended instance;
            an ended instance without one (imported, ingested) is summarised first, once.
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var (first, last) = range.Read(parse, context);
            if (parse.GetValue(webinar) is not null && parse.GetValue(participant) is not null)
            {
                throw new CliUsageException("give --webinar or --participant, not both.");
            }

            var (start, end) = DayRange.Instants(first, last);
            var accountId = StoreOption.AccountOf(parse, account, context);
            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            await StoreOption.RequireAccountAsync(qos, accountId, cancellationToken);

            // Instances that came in without a summary ('import', ingestion, a seeded server) get theirs now, once.
            var summarised = await InstanceSummaries.BackfillAsync(qos, accountId, start - (end - start), end, int.MaxValue, context.TimeProvider.GetUtcNow(), cancellationToken);
            if (summarised > 0)
            {
                await CommandRunner.Say(context, "trends", $"summarised {summarised} ended instance(s) that had no stored summary yet.");
            }

            var json = parse.GetValue(format) == "json";
            var (tables, document, found) = parse.GetValue(webinar) is { } webinarId
                ? Shape(await TrendQueries.WebinarAsync(qos, accountId, webinarId, start, end, cancellationToken), t => t.Instances.Count, TrendTables.Of, HistoryJsonContext.Default.WebinarTrend, json)
                : parse.GetValue(participant) is { } person
                    ? Shape(await TrendQueries.ParticipantAsync(qos, accountId, person, start, end, cancellationToken), h => h.Sessions.Count, TrendTables.Of, HistoryJsonContext.Default.ParticipantHistory, json)
                    : Shape(await TrendQueries.AccountAsync(qos, accountId, start, end, cancellationToken), t => t.Instances.Count, TrendTables.Of, HistoryJsonContext.Default.AccountTrend, json);
            if (found == 0)
            {
                await CommandRunner.Say(context, "trends", parse.GetValue(participant) is { } who
                    ? $"no session of '{who}' (by email, or by name where the email is blank) in account '{accountId}' between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}."
                    : $"account '{accountId}' has no ended instance between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}.");
            }

            if (document is not null)
            {
                await context.Out.WriteLineAsync(document);
            }
            else if (parse.GetValue(format) == "csv")
            {
                await using var target = OutputTarget.Open(null, context, needsSeek: false);
                await TrendWriter.CsvAsync(target.Stream, tables.Primary, cancellationToken);
                await target.CommitAsync(cancellationToken);
            }
            else
            {
                await context.Out.WriteAsync(TrendWriter.Text(tables.All));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static (TrendTableSet Tables, string? Json, int Found) Shape<T>(T trend, Func<T, int> count, Func<T, TrendTableSet> tables, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, bool json) =>
        (tables(trend), json ? JsonSerializer.Serialize(trend, info) : null, count(trend));
}
