namespace ZoomQos.Cli;

/// <summary>The CLI's exit codes (ARCHITECTURE.md): scripts rely on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RuntimeError = 1;
    public const int UsageError = 2;
    public const int RateLimited = 3;
    public const int Cancelled = 130;
}

/// <summary>A failure the command explains in its own words (a server that could not start): exit 1.</summary>
internal sealed class CliFailureException(string message, Exception? innerException) : Exception(message, innerException)
{
    public CliFailureException()
        : this("The command failed.", null)
    {
    }

    public CliFailureException(string message)
        : this(message, null)
    {
    }
}

/// <summary>A value the parser accepted but the command cannot use (a bad date, a missing credential): exit 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message)
{
    public CliUsageException()
        : this("Bad usage.")
    {
    }

    public CliUsageException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}
