using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZoomQos.Server.Hosting;

/// <summary>
/// Gives the memory that native code has freed back to the system, every <see cref="ServerOptions.NativeMemoryTrimInterval"/>,
/// on Linux with glibc (<c>malloc_trim(0)</c>). glibc keeps freed blocks inside its arenas and returns only what lies
/// at the top of one; SQLite's statements and page caches, the JIT and OpenSSL's HMAC contexts allocate and free
/// there tens of thousands of times a second. Under the soak's load the server's <c>RssAnon</c> grew 2 MB a minute
/// while what native code held stayed under 10 MB (heaptrack); with a trim every 15 s it held within 1 %, and each
/// trim took 0.2–3 ms (docs/decisions/0013). Elsewhere (another C library, another system) this does nothing.
/// </summary>
internal sealed partial class NativeMemoryTrim(ServerOptions options, ILogger<NativeMemoryTrim> logger) : BackgroundService
{
    /// <summary>The trim itself: <see cref="TryTrim"/>; a test counts the calls instead (their effect on RSS is <c>bench -- trim</c>).</summary>
    internal Func<bool> Trim { get; init; } = TryTrim;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.NativeMemoryTrimInterval <= TimeSpan.Zero || !OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(options.NativeMemoryTrimInterval, options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!Trim())
                {
                    LogUnavailable(logger);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Trims once; false when this C library has no <c>malloc_trim</c> (musl, for one).</summary>
    internal static bool TryTrim()
    {
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int MallocTrim(nuint pad);

    [LoggerMessage(1, LogLevel.Debug, "malloc_trim is not available in this C library: native memory is left to it")]
    private static partial void LogUnavailable(ILogger logger);
}
