using System.Globalization;
using ZoomQos.Benchmarks.Load;

namespace ZoomQos.Benchmarks.Peers;

/// <summary>
/// Issue 19's paced row: <c>zoomqos fetch</c> of the demo all-hands to NDJSON as a process, paced for Business (the
/// default), against an in-process <c>serve --seed demo</c> enforcing Zoom's limits (40 a second for the
/// Resource-intensive list), beside the physical minimum at that rate: 101 pages / 40 = 2.53 s. Rounds are 2 s apart,
/// so that the server's window holds none of the walk before (each process's governor starts with the whole window;
/// back to back, a walk's first second can meet the last one of the walk before it). The 429s are counted from
/// <c>--verbose</c>'s request trail.
/// </summary>
internal static class PacedRow
{
    private const int Pages = 101;
    private const double PerSecond = 40;

    public static async Task<PeerRow> RunAsync(DirectoryInfo directory, string cli, int rounds)
    {
        await using var server = await PeerServer.StartAsync(directory, "paced", rateLimits: true);
        var output = Path.Combine(directory.FullName, "paced.ndjson");
        var minimum = TimeSpan.FromSeconds(Pages / PerSecond);
        var times = new List<TimeSpan>();
        var tooMany = 0;
        var failed = 0;
        for (var round = 0; round <= rounds; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var walk = await FetchLargeTest.RunCliAsync(cli, ["fetch", "81234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "business", "--verbose", "--output", RoundOutput.New(output)], server.Environment);
            var rejected = walk.Stderr.Split('\n').Count(line => line.Contains("-> 429", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: paced walk {walk.Elapsed.TotalSeconds:0.00} s (x{walk.Elapsed / minimum:0.00} of {minimum.TotalSeconds:0.00} s), {rejected} x 429, exit {walk.ExitCode}"));
            if (round > 0)
            {
                times.Add(walk.Elapsed);
                tooMany += rejected;
                failed += walk.ExitCode == 0 ? 0 : 1;
            }
        }

        var median = times.Order().ElementAt(times.Count / 2);
        return new PeerRow(
            "the same walk paced for Business (the default), as a process, against a server limiting at 40/s",
            string.Create(CultureInfo.InvariantCulture, $"{median.TotalSeconds:0.00} s, {tooMany} x 429"),
            string.Create(CultureInfo.InvariantCulture, $"the minimum at 40/s: {minimum.TotalSeconds:0.00} s"),
            string.Create(CultureInfo.InvariantCulture, $"x{median / minimum:0.00} the minimum"),
            "<= 1.05x, 0 x 429",
            median <= minimum * 1.05 && tooMany == 0 && failed == 0);
    }
}
