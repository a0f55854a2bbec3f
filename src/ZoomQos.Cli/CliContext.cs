using System.Runtime.InteropServices;

namespace ZoomQos.Cli;

/// <summary>
/// What a command may touch outside itself: stdout (text for people-facing results, a stream for data), stderr,
/// the environment, the clock and the network. <see cref="System"/> is the real process; tests give their own.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Text results (doctor's checks, simulate's summary).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>People's messages: progress, warnings, errors, the request trail.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Opens stdout for data (json, ndjson, csv, parquet); the caller does not own the process's stream.</summary>
    public required Func<Stream> OpenStandardOutput { get; init; }

    /// <summary>Whether stderr is a terminal, so that progress bars make sense there.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The innermost HTTP handler for client commands; tests wrap it to watch the traffic.</summary>
    public Func<HttpMessageHandler> CreateTransport { get; init; } = static () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>Reads a password (stdin, or a prompt without echo); <see langword="null"/> when there is none. Tests give their own.</summary>
    public Func<CancellationToken, Task<string?>> ReadPassword { get; init; } = static _ => Task.FromResult<string?>(null);

    /// <summary>Every environment variable, for the configuration of <c>serve</c> (<c>ZOOMQOS__…</c>).</summary>
    public Func<IEnumerable<KeyValuePair<string, string>>> EnvironmentVariables { get; init; } = static () =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => new KeyValuePair<string, string>((string)e.Key, (string?)e.Value ?? string.Empty));

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The real process: Console, its environment, Ctrl+C and SIGTERM (which cancel the token of <see cref="ZoomQosCli.RunAsync"/>).</summary>
    /// <param name="cancel">Cancelled on the first Ctrl+C or SIGTERM; a second Ctrl+C ends the process at once.</param>
    public static CliContext ForProcess(CancellationTokenSource cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine("zoomqos: stopping (Ctrl+C again ends at once)...");
                cancel.Cancel();
            }
        };
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            OpenStandardOutput = Console.OpenStandardOutput,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            ReadPassword = Admin.PasswordInput.ReadFromConsoleAsync,
        };
    }

    // Kept alive for the process's lifetime: disposing it unregisters the handler.
    private static PosixSignalRegistration? _sigterm;
}
