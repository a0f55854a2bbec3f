using System.Text.Json;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// Runs a command's body and turns what went wrong into one line on stderr and the exit code of ARCHITECTURE.md:
/// 1 runtime or API error, 2 usage, 3 rate limit outlasted the retries, 130 cancelled.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(string name, CliContext context, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Say(context, name, "cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (CliUsageException ex)
        {
            await Say(context, name, ex.Message);
            return ExitCodes.UsageError;
        }
        catch (ZoomRateLimitExceededException ex)
        {
            await Say(context, name, ex.Message);
            return ExitCodes.RateLimited;
        }
        catch (ZoomApiException ex)
        {
            await Say(context, name, ex.Message);
            return ExitCodes.RuntimeError;
        }
        catch (HttpRequestException ex)
        {
            await Say(context, name, $"cannot reach the server: {ex.Message} Check --base-url / --token-url and the network.");
            return ExitCodes.RuntimeError;
        }
        catch (NdjsonLineException ex)
        {
            await Say(context, name, ex.Message);
            return ExitCodes.RuntimeError;
        }
        catch (Exception ex) when (ex is QosStoreException or IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            await Say(context, name, ex.Message);
            return ExitCodes.RuntimeError;
        }
    }

    public static Task Say(CliContext context, string name, string message) =>
        context.Error.WriteLineAsync($"zoomqos {name}: {message.ReplaceLineEndings(" ").Trim()}");
}
