using System.Diagnostics;

namespace ZoomQos.TestSupport;

/// <summary>
/// Runs a clean-up command once this process is gone, however it ends: a test host may be killed by its runner,
/// and then no exit handler runs. A detached shell polls this process's id and runs the command after it.
/// </summary>
public static class Watchdog
{
    public static void AfterExit(string cleanupCommand)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {cleanupCommand}");
        using var process = Process.Start(start);
    }

    /// <summary>Quotes a value for the shell.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
