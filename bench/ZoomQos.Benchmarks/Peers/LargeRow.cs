using System.Globalization;
using System.Text.RegularExpressions;
using ZoomQos.Benchmarks.Load;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Peers;

/// <summary>
/// Issue 19's large row: <c>zoomqos simulate</c> a 5,000-attendee × 120-minute webinar into a SQLite file, serve it
/// from a <c>zoomqos serve --no-rate-limit</c> process, and time <c>zoomqos fetch --format ndjson</c> (a process, as a
/// user runs it, its peak resident memory read from VmHWM; each round to a new file) beside a bare HttpClient GET loop
/// over the same pages (in the bench's process, warm after round 0), interleaved, round 0 not counted. The ratio is
/// the medians'.
/// </summary>
internal static partial class LargeRow
{
    public static async Task<PeerRow> RunAsync(DirectoryInfo directory, string cli, int rounds, int attendees = 5000, int minutes = 120)
    {
        var store = "sqlite:" + Path.Combine(directory.FullName, "large.db");
        var simulate = await FetchLargeTest.RunCliAsync(cli, ["simulate", "--store", store, "--participants", attendees.ToString(CultureInfo.InvariantCulture), "--minutes", minutes.ToString(CultureInfo.InvariantCulture), "--seed", "7"]);
        if (simulate.ExitCode != 0)
        {
            throw new InvalidOperationException("simulate failed: " + simulate.Stderr);
        }

        var uuid = simulate.Stdout.Trim();
        using var server = ZoomqosProcess.Start("serve", "--urls", "http://127.0.0.1:0", "--store", store, "--seed", "demo", "--no-rate-limit");
        var address = new Uri(Listening().Match(await server.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90))).Groups[1].Value);
        var environment = FetchLargeTest.DemoEnvironment(address);

        var output = Path.Combine(directory.FullName, "large.ndjson");
        var bareTimes = new List<TimeSpan>();
        var ourTimes = new List<TimeSpan>();
        long peak = 0;
        var failed = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var bare = await FetchLargeTest.BareLoopAsync(address, uuid);

            var ours = await FetchLargeTest.RunCliAsync(cli, ["fetch", uuid, "--type", "past", "--format", "ndjson", "--rate-plan", "none", "--output", RoundOutput.New(output)], environment);
            var lines = File.ReadLines(output).Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: {attendees:N0} x {minutes}: bare loop {bare.Pages} pages, {bare.Bytes / 1e6:0.0} MB in {bare.Elapsed.TotalSeconds:0.00} s; zoomqos {lines:N0} sessions in {ours.Elapsed.TotalSeconds:0.00} s (x{ours.Elapsed / bare.Elapsed:0.00}), peak RSS {ours.PeakRssBytes / 1048576.0:0} MB, exit {ours.ExitCode}"));
            if (round > 0)
            {
                bareTimes.Add(bare.Elapsed);
                ourTimes.Add(ours.Elapsed);
                peak = Math.Max(peak, ours.PeakRssBytes);
                failed += ours.ExitCode == 0 && lines > 0 ? 0 : 1;
            }
        }

        var ratio = Median(ourTimes) / Median(bareTimes);
        return new PeerRow(
            $"fetch a simulated {attendees:N0} x {minutes} webinar to NDJSON, as a process, unpaced",
            string.Create(CultureInfo.InvariantCulture, $"{Median(ourTimes).TotalSeconds:0.00} s, peak RSS {peak / 1048576.0:0} MB"),
            string.Create(CultureInfo.InvariantCulture, $"a bare HttpClient GET loop: {Median(bareTimes).TotalSeconds:0.00} s"),
            string.Create(CultureInfo.InvariantCulture, $"x{ratio:0.00} the loop"),
            "<= 1.5x, peak RSS <= 150 MB",
            ratio <= 1.5 && peak <= 150L * 1024 * 1024 && failed == 0);
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    [GeneratedRegex(@"listening on (http://\S+?)/? ")]
    private static partial Regex Listening();
}
