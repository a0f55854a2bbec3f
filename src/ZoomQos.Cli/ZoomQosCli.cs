using System.CommandLine;
using ZoomQos.Cli.Commands;

namespace ZoomQos.Cli;

/// <summary>
/// The <c>zoomqos</c> command line: one file per command under Commands/, each action binding values and calling
/// the SDK, the store or the server. Machine output goes to stdout, people's messages to stderr.
/// </summary>
internal static class ZoomQosCli
{
    /// <summary>The commands of <see cref="CreateRoot"/>, by name, for what must know them before the command line is parsed (<see cref="JitProfile"/>).</summary>
    public static readonly IReadOnlySet<string> CommandNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "demo", "fetch", "report", "watch", "archive", "import", "trends", "simulate", "doctor", "serve", "apps", "users",
    };

    public static RootCommand CreateRoot(CliContext context) =>
        new("zoomqos — fetch, analyze, archive and serve the QoS Zoom reports for webinar participants.")
        {
            DemoCommand.Create(context),
            FetchCommand.Create(context),
            ReportCommand.Create(context),
            WatchCommand.Create(context),
            ArchiveCommand.Create(context),
            ImportCommand.Create(context),
            TrendsCommand.Create(context),
            SimulateCommand.Create(context),
            DoctorCommand.Create(context),
            ServeCommand.Create(context),
            AppsCommand.Create(context),
            UsersCommand.Create(context),
        };

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="context">Console, environment, network.</param>
    /// <param name="cancellationToken">Ctrl+C or SIGTERM.</param>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var parse = CreateRoot(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync("zoomqos: " + error.Message);
            }

            await context.Error.WriteLineAsync("Run 'zoomqos --help' (or 'zoomqos COMMAND --help') for usage.");
            return ExitCodes.UsageError;
        }

        // The host of `serve` handles SIGTERM and Ctrl+C itself (graceful shutdown); other commands get the token.
        // A failure no command caught still becomes one line and an exit code, never System.CommandLine's stack trace.
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { ProcessTerminationTimeout = null, Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (Exception ex)
        {
            return await CommandRunner.FailAsync(parse, context, ex, cancellationToken);
        }
    }
}
