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
