using System.Diagnostics;
using Npgsql;

namespace ZoomQos.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests of this process: <c>initdb</c> and <c>pg_ctl</c> in a temporary
/// folder, listening on a free loopback port, stopped and removed when the process exits. Or, when
/// <c>ZOOMQOS_TEST_POSTGRES</c> is set, that server (its connection string must be allowed to create databases).
/// Each test gets its own database. Without either, the tests are skipped with the reason — except under
/// <c>CI=true</c>, where a skipped PostgreSQL test is a failure (PostgresSkip). The benchmarks use
/// it too.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? _shared;
    private static string? _unavailable;

    private readonly string _adminConnectionString;

    private PostgresCluster(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>The cluster, or why there is none.</summary>
    public static async Task<(PostgresCluster? Cluster, string? Reason)> TryGetAsync()
    {
        var cluster = await GetOrStartAsync();
        return (cluster, cluster is null ? "PostgreSQL is not available: " + _unavailable + " Install it (apt-get install postgresql) or set ZOOMQOS_TEST_POSTGRES." : null);
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "zq_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster?> GetOrStartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is not null || _unavailable is not null)
            {
                return _shared;
            }

            if (Environment.GetEnvironmentVariable("ZOOMQOS_TEST_POSTGRES") is { Length: > 0 } given)
            {
                return _shared = new PostgresCluster(given);
            }

            _shared = await StartAsync();
            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<PostgresCluster?> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            _unavailable = "no initdb under /usr/lib/postgresql/*/bin.";
            return null;
        }

        // PostgreSQL refuses to run as root: run it as the package's postgres user then.
        var asRoot = Environment.UserName == "root";
        if (asRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            _unavailable = "running as root and there is no postgres user to run the server as.";
            return null;
        }

        var directory = Path.Combine(Path.GetTempPath(), "zoomqos-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, "data");
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asUser: null);
        }

        var port = FreePorts.Next();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot ? "postgres" : null);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"], asRoot ? "postgres" : null);

        // Stopped and removed when this process is gone, even if its runner kills it.
        var pgCtl = Watchdog.Quote(Path.Combine(bin, "pg_ctl"));
        var stop = $"{pgCtl} -D {Watchdog.Quote(data)} -m immediate -w stop >/dev/null 2>&1";
        Watchdog.AfterExit((asRoot ? $"runuser -u postgres -- {stop}" : stop) + $"; rm -rf {Watchdog.Quote(directory)}");

        return new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30");
    }

    private static async Task RunAsync(string file, string[] args, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? file : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asUser is not null)
        {
            foreach (var arg in new[] { "-u", asUser, "--", file })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
