using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ZoomQos.TestSupport;

/// <summary>
/// A throwaway Redis for the tests of this process: <c>redis-server</c> on a free loopback port, no persistence,
/// killed when the process exits. Or the server named by <c>ZOOMQOS_TEST_REDIS</c>.
/// </summary>
public sealed class RedisProcess
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RedisProcess? _shared;
    private static string? _unavailable;

    private RedisProcess(string configuration) => Configuration = configuration;

    /// <summary>The StackExchange.Redis configuration, e.g. <c>127.0.0.1:6380</c>.</summary>
    public string Configuration { get; }

    /// <summary>The server, or why there is none.</summary>
    public static async Task<(RedisProcess? Redis, string? Reason)> TryGetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null && _unavailable is null)
            {
                _shared = Environment.GetEnvironmentVariable("ZOOMQOS_TEST_REDIS") is { Length: > 0 } given ? new RedisProcess(given) : await StartAsync();
            }

            return (_shared, _shared is null ? "Redis is not available: " + _unavailable + " Install it (apt-get install redis-server) or set ZOOMQOS_TEST_REDIS." : null);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<RedisProcess?> StartAsync()
    {
        var server = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : File.Exists("/usr/local/bin/redis-server") ? "/usr/local/bin/redis-server" : null;
        if (server is null)
        {
            _unavailable = "no redis-server in /usr/bin or /usr/local/bin.";
            return null;
        }

        var port = FreePorts.Next();

        var start = new ProcessStartInfo(server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Killed when this process is gone, even if its runner kills it.
        Watchdog.AfterExit($"kill {process.Id} 2>/dev/null");

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new RedisProcess($"127.0.0.1:{port}");
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        _unavailable = "redis-server did not start.";
        return null;
    }
}
