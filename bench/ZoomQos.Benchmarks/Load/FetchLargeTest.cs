using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Load;

/// <summary>
/// Issue 6's figure: <c>zoomqos simulate</c> a 5,000-attendee × 120-minute webinar, <c>zoomqos serve</c> it with
/// rate limits off, then time <c>zoomqos fetch --format ndjson</c> (a separate process, as a user runs it) and read
/// its peak resident memory (VmHWM), beside a bare HttpClient loop fetching the same pages in the same run.
/// Run: dotnet run -c Release --project bench/ZoomQos.Benchmarks -- fetch-large [attendees] [minutes]
/// </summary>
internal static partial class FetchLargeTest
{
    public static async Task RunAsync(string[] args)
    {
        var attendees = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        var minutes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 120;
        var cli = CliPath();
        var directory = Directory.CreateTempSubdirectory("zoomqos-fetch-large-");
        try
        {
            var store = "sqlite:" + Path.Combine(directory.FullName, "large.db");
            var simulate = await RunCliAsync(cli, ["simulate", "--store", store, "--participants", attendees.ToString(CultureInfo.InvariantCulture), "--minutes", minutes.ToString(CultureInfo.InvariantCulture), "--seed", "7"]);
            var uuid = simulate.Stdout.Trim();
            Console.WriteLine($"simulate: {simulate.Elapsed.TotalSeconds:0.0} s — {simulate.Stderr.Trim()}");

            using var serve = Start(cli, ["serve", "--urls", "http://127.0.0.1:0", "--store", store, "--seed", "demo", "--no-rate-limit"]);
            var listening = await WaitForAsync(serve, "zoomqos serve: listening on", TimeSpan.FromMinutes(2));
            var baseAddress = new Uri(Listening().Match(listening).Groups[1].Value);
            var environment = DemoEnvironment(baseAddress);

            var bare = await BareLoopAsync(baseAddress, uuid);
            Console.WriteLine($"bare HttpClient loop: {bare.Pages} pages, {bare.Bytes / 1e6:0.0} MB in {bare.Elapsed.TotalSeconds:0.00} s");
            foreach (var plan in new[] { "none", "business" })
            {
                var output = Path.Combine(directory.FullName, $"large-{plan}.ndjson");
                var fetch = await RunCliAsync(cli, ["fetch", uuid, "--type", "past", "--format", "ndjson", "--output", output, "--rate-plan", plan], environment);
                var lines = File.ReadLines(output).Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"zoomqos fetch --format ndjson --rate-plan {plan}: {lines:N0} sessions, {new FileInfo(output).Length / 1e6:0.0} MB in {fetch.Elapsed.TotalSeconds:0.00} s ({fetch.Elapsed / bare.Elapsed:0.00}x the bare loop), peak RSS {fetch.PeakRssBytes / 1024.0 / 1024.0:0} MB (exit {fetch.ExitCode})"));
            }

            // Issue 7's figure: the report of the same webinar, from the NDJSON file and over the API.
            var ndjson = Path.Combine(directory.FullName, "large-none.ndjson");
            var fromFile = await RunCliAsync(cli, ["report", uuid, "--type", "past", "--from-file", ndjson, "--html", Path.Combine(directory.FullName, "file.html")], environment);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"zoomqos report --from-file (NDJSON) --html: {fromFile.Elapsed.TotalSeconds:0.00} s, peak RSS {fromFile.PeakRssBytes / 1024.0 / 1024.0:0} MB (exit {fromFile.ExitCode}); {fromFile.Stderr.Trim().Split('\n')[^1]}"));
            var overApi = await RunCliAsync(cli, ["report", uuid, "--type", "past", "--rate-plan", "none", "--html", Path.Combine(directory.FullName, "api.html")], environment);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"zoomqos report over the API --rate-plan none --html: {overApi.Elapsed.TotalSeconds:0.00} s ({overApi.Elapsed / bare.Elapsed:0.00}x the bare loop), peak RSS {overApi.PeakRssBytes / 1024.0 / 1024.0:0} MB (exit {overApi.ExitCode})"));
            var paced = await RunCliAsync(cli, ["report", uuid, "--type", "past", "--html", Path.Combine(directory.FullName, "paced.html")], environment);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"zoomqos report over the API (paced for Business) --html: {paced.Elapsed.TotalSeconds:0.00} s, peak RSS {paced.PeakRssBytes / 1024.0 / 1024.0:0} MB (exit {paced.ExitCode}); html {new FileInfo(Path.Combine(directory.FullName, "paced.html")).Length / 1e6:0.0} MB"));

            serve.Kill(entireProcessTree: true);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>What points a client process at a <c>serve --seed demo</c> at <paramref name="baseAddress"/> with the demo app's credentials.</summary>
    internal static Dictionary<string, string> DemoEnvironment(Uri baseAddress) => new()
    {
        ["ZOOMQOS_BASE_URL"] = new Uri(baseAddress, "v2").AbsoluteUri,
        ["ZOOMQOS_TOKEN_URL"] = new Uri(baseAddress, "oauth/token").AbsoluteUri,
        ["ZOOM_ACCOUNT_ID"] = "demo",
        ["ZOOM_CLIENT_ID"] = "demo-client-id",
        ["ZOOM_CLIENT_SECRET"] = "demo-client-secret",
    };

    internal static string CliPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ZoomQos.slnx")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "src", "ZoomQos.Cli", "bin", "Release", "net10.0", "zoomqos.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build the CLI first: dotnet build -c Release src/ZoomQos.Cli (looked for {path}).");
    }

    private static Process Start(string cli, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<string> WaitForAsync(Process process, string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(cancel.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return seen.ToString();
            }
        }

        throw new InvalidOperationException("the server did not start: " + seen);
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long PeakRssBytes)> RunCliAsync(string cli, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(cli, args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakRss(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        return (process.ExitCode, await stdout, await stderr, watch.Elapsed, peak);
    }

    // VmHWM: the process's peak resident set so far, in kB; it only grows, so the last read before exit is the peak.
    private static long PeakRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    internal static async Task<(int Pages, long Bytes, TimeSpan Elapsed)> BareLoopAsync(Uri baseAddress, string uuid)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoTokens.RequestAsync(http, baseAddress));
        var watch = Stopwatch.StartNew();
        var pages = 0;
        long bytes = 0;
        var next = string.Empty;
        do
        {
            var body = await http.GetByteArrayAsync(new Uri(baseAddress, $"v2/metrics/webinars/{Uri.EscapeDataString(uuid)}/participants/qos?type=past&page_size=10&next_page_token={Uri.EscapeDataString(next)}"));
            pages++;
            bytes += body.Length;
            next = NextToken(body);
        }
        while (next.Length > 0);
        return (pages, bytes, watch.Elapsed);
    }

    // The envelope comes first, so the token is found by a plain search, as cheaply as a bare loop can.
    private static string NextToken(byte[] body)
    {
        var key = "\"next_page_token\":\""u8;
        var at = body.AsSpan().IndexOf(key);
        if (at < 0)
        {
            return string.Empty;
        }

        var rest = body.AsSpan(at + key.Length);
        return Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
    }

    [GeneratedRegex(@"listening on (http://\S+?)/? ")]
    private static partial Regex Listening();
}
