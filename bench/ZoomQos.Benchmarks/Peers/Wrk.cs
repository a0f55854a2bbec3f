using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ZoomQos.Benchmarks.Peers;

/// <summary>
/// One run of Debian's <c>wrk</c> (issue 19's load generator: C, one event loop a thread, so the client is not what
/// limits a loopback server) over a list of paths, each request with the same headers, cycling through the paths.
/// Parses the requests a second, the p99 (<c>--latency</c>) and the non-2xx count from its report.
/// </summary>
internal static partial class Wrk
{
    /// <summary>What one run measured.</summary>
    internal sealed record Result(double RequestsPerSecond, double P99Ms, long Requests, long Errors);

    /// <summary>The path of <c>wrk</c>, or null when it is not installed.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(directory => Path.Combine(directory, "wrk"))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Writes the Lua script that sends <paramref name="paths"/> in turn with <paramref name="headers"/> into
    /// <paramref name="directory"/>, and returns its path.
    /// </summary>
    public static string WriteScript(DirectoryInfo directory, string name, IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> headers)
    {
        var pathsFile = Path.Combine(directory.FullName, name + ".paths");
        File.WriteAllLines(pathsFile, paths);
        var script = Path.Combine(directory.FullName, name + ".lua");
        var headerTable = string.Join(", ", headers.Select(h => $"[\"{h.Key}\"] = \"{h.Value}\""));
        File.WriteAllText(script, $$"""
            local paths = {}
            init = function(args)
              for line in io.lines("{{pathsFile}}") do paths[#paths + 1] = line end
            end
            local i = 0
            request = function()
              i = i + 1
              return wrk.format("GET", paths[(i % #paths) + 1], { {{headerTable}} })
            end
            """);
        return script;
    }

    /// <summary>Runs wrk for <paramref name="seconds"/> with <paramref name="connections"/> connections on 2 threads.</summary>
    public static async Task<Result> RunAsync(string wrk, Uri origin, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "5s", "-s", script, origin.GetLeftPart(UriPartial.Authority) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = await stdout;
        if (process.ExitCode != 0 || !RequestsPerSecond().IsMatch(report))
        {
            throw new InvalidOperationException($"wrk exited {process.ExitCode}: {report} {await stderr}");
        }

        var non2xx = NonSuccess().Match(report);
        var socketErrors = SocketErrors().Match(report);
        var errors = (non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + (socketErrors.Success ? socketErrors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        return new Result(
            double.Parse(RequestsPerSecond().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(P99().Match(report)),
            long.Parse(Requests().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            errors);
    }

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            var unit => throw new InvalidOperationException($"wrk's unit '{unit}'"),
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s|m)\b")]
    private static partial Regex P99();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
