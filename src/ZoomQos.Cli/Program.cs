using System.CommandLine;
using ZoomQos.Cli;
using ZoomQos.Cli.Commands;

// zoomqos: the command-line tool of ZoomQos. One file per command under Commands/; each action only binds
// values and calls a service. Machine output goes to stdout, people's messages to stderr.
var root = new RootCommand("zoomqos — fetch, analyze, archive and serve the QoS Zoom reports for webinar participants.")
{
    ServeCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync("zoomqos: " + error.Message);
    }

    await Console.Error.WriteLineAsync("Run 'zoomqos --help' for usage.");
    return ExitCodes.UsageError;
}

// The host of `serve` handles SIGTERM and Ctrl+C itself (graceful shutdown); commands that need cancellation
// get it from their own token sources.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
