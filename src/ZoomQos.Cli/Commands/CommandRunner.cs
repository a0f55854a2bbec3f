using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// The one place that turns what went wrong into one line on stderr and the exit code of ARCHITECTURE.md:
/// 1 runtime or API error, 2 usage, 3 rate limit outlasted the retries, 130 cancelled. Anything unexpected is an
/// internal error: one line, exit 1, and the exception in full only with <c>--verbose</c>. No stack trace reaches a
/// user otherwise.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, CliContext context, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (Exception ex)
        {
            return await FailAsync(parse, context, ex, cancellationToken);
        }
    }

    /// <summary>Says what went wrong and returns the exit code for it.</summary>
    public static async Task<int> FailAsync(ParseResult parse, CliContext context, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        var (code, message) = failure switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Cancelled, "cancelled."),
            CliUsageException => (ExitCodes.UsageError, failure.Message),
            CliFailureException => (ExitCodes.RuntimeError, failure.Message),
            ZoomRateLimitExceededException => (ExitCodes.RateLimited, failure.Message),
            ZoomApiException => (ExitCodes.RuntimeError, failure.Message),
            HttpRequestException => (ExitCodes.RuntimeError, $"cannot reach the server: {failure.Message} Check --base-url / --token-url and the network."),
            NdjsonLineException or QosStoreException or IOException or UnauthorizedAccessException or JsonException or InvalidDataException => (ExitCodes.RuntimeError, failure.Message),
            _ => (ExitCodes.RuntimeError, $"internal error: {failure.GetType().Name}: {failure.Message.TrimEnd('.')}; {(VerboseOption(parse) is null ? $"set {VerboseVariable}=1" : "run with --verbose")} for details."),
        };
        await Say(context, NameOf(parse), message);
        if (code != ExitCodes.Cancelled && (VerboseOption(parse) is { } verbose && parse.GetValue(verbose) || context.GetEnvironmentVariable(VerboseVariable) == "1"))
        {
            await context.Error.WriteLineAsync(failure.ToString());
        }

        return code;
    }

    /// <summary>Asks every command, with or without a <c>--verbose</c> flag, to print an unexpected failure in full.</summary>
    public const string VerboseVariable = "ZOOMQOS_VERBOSE";

    /// <summary>The command's <c>--verbose</c>, on the commands that have it.</summary>
    private static Option<bool>? VerboseOption(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--verbose") as Option<bool>;

    /// <summary>The command's name as typed after <c>zoomqos</c>: "fetch", "apps add".</summary>
    public static string NameOf(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names.Count == 0 ? parse.CommandResult.Command.Name : string.Join(' ', names);
    }

    public static Task Say(CliContext context, string name, string message) =>
        context.Error.WriteLineAsync($"zoomqos {name}: {message.ReplaceLineEndings(" ").Trim()}");
}
