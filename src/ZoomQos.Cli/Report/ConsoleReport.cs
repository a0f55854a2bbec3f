using System.Globalization;
using System.Text;
using Spectre.Console;
using ZoomQos.Analysis;

namespace ZoomQos.Cli.Report;

/// <summary>The report for people on a console: the verdict, the top causes, the ten worst participants with their cause.</summary>
internal static class ConsoleReport
{
    public static void Write(TextWriter output, ReportDocument report, int width, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        var a = report.Analysis;
        var verdictColor = a.Verdict switch { WebinarVerdict.Critical => "red", WebinarVerdict.Degraded => "yellow", _ => "green" };
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(report.Title)}[/] ({report.Type}): [bold {verdictColor}]{a.Verdict}[/] — {a.Poor} of {a.Participants - a.Insufficient} participants poor ({a.PoorShare:P0}), {a.Fair} fair, {a.Good} good, {a.Insufficient} with too few minutes."));
        console.MarkupLine(Markup.Escape($"Thresholds: {a.Thresholds.Preset}. Window: {a.From:yyyy-MM-dd HH:mm} to {a.To:HH:mm} UTC."));
        console.WriteLine();

        console.MarkupLine("[bold]Top causes[/]");
        if (a.Findings.Count == 0)
        {
            console.WriteLine("  none found.");
        }

        var rank = 0;
        foreach (var finding in a.TopCauses.Take(5))
        {
            rank++;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rank}. [bold]{Markup.Escape(Capitalize(finding.Title))}[/] ({Markup.Escape(finding.Alert)}): {finding.AffectedUserIds.Count} participant(s), {finding.From:HH:mm}–{finding.To:HH:mm} UTC."));
            console.MarkupLine("     " + Markup.Escape(finding.Evidence));
        }

        var reconnections = a.Findings.Count(f => f.Kind == CauseKind.Reconnection);
        if (reconnections > 0 && rank < a.Findings.Count)
        {
            console.MarkupLine(Markup.Escape($"  … and {a.Findings.Count - rank} more ({reconnections} reconnection(s) in all)."));
        }

        console.WriteLine();
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("Ten worst participants") };
        foreach (var name in new[] { "Participant", "User ID", "Verdict", "Poor min", "Active min", "MOS p10", "Cause" })
        {
            table.AddColumn(name);
        }

        foreach (var p in a.ParticipantResults.Where(p => p.Verdict != ParticipantVerdict.InsufficientData).Take(10))
        {
            table.AddRow(
                Markup.Escape(p.Name + (p.IsPanelist ? " (panelist)" : string.Empty)),
                Markup.Escape(p.UserId),
                p.Verdict.ToString(),
                p.PoorAudioMinutes.ToString(CultureInfo.InvariantCulture),
                p.ActiveMinutes.ToString(CultureInfo.InvariantCulture),
                p.MosP10?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(p.Causes.Count > 0 ? Capitalize(p.Causes[0].Title) : "-"));
        }

        console.Write(table);
        console.WriteLine(report.Meeting ? "MOS: estimated (E-model), per leg." : "MOS: estimated (E-model), end to end for attendees (the panelist's input leg added).");
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string ParticipantsCsv(WebinarAnalysis analysis)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
        using (var csv = CsvHelper.CsvWriter.Create(writer, new CsvHelper.CsvWriterOptions { Injection = CsvHelper.CsvInjection.Escape }))
        {
            string[] header = ["user_id", "name", "email", "panelist", "verdict", "active_minutes", "poor_audio_minutes", "fair_or_worse_minutes", "mos_p10", "mos_p50", "cause", "alert", "location", "network_type", "device", "os", "client_version", "data_center"];
            csv.WriteHeader(header);
            foreach (var p in analysis.ParticipantResults)
            {
                csv.WriteRecord([
                    p.UserId, p.Name, p.Email, p.IsPanelist ? "true" : "false", p.Verdict.ToString(),
                    p.ActiveMinutes.ToString(CultureInfo.InvariantCulture), p.PoorAudioMinutes.ToString(CultureInfo.InvariantCulture), p.FairOrWorseMinutes.ToString(CultureInfo.InvariantCulture),
                    p.MosP10?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty, p.MosP50?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty,
                    p.Causes.Count > 0 ? p.Causes[0].Title : string.Empty, p.Causes.Count > 0 ? p.Causes[0].Alert : string.Empty,
                    p.Dimensions[Dimension.Location], p.Dimensions[Dimension.NetworkType], p.Dimensions[Dimension.Device], p.Dimensions[Dimension.Os], p.Dimensions[Dimension.ClientVersion], p.Dimensions[Dimension.DataCenter],
                ]);
            }
        }

        return text.ToString();
    }
}
