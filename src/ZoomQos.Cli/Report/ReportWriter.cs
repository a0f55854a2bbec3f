using System.Text;
using System.Text.Json;
using ZoomQos.Cli.Commands;
using ZoomQos.Cli.Output;

namespace ZoomQos.Cli.Report;

/// <summary>Writes a report where it was asked for: the HTML file, the participants' CSV, and stdout as a table or JSON.</summary>
internal static class ReportWriter
{
    public static async Task WriteAsync(CliContext context, ReportDocument report, string format, string? html, string? csv, CancellationToken cancellationToken)
    {
        if (html is not null)
        {
            await using var target = OutputTarget.Open(html, context, needsSeek: false);
            await HtmlReport.WriteAsync(target.Stream, report, cancellationToken);
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
