using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZoomQos.Benchmarks.Load;
using ZoomQos.Benchmarks.Peers;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// <c>bench -- peers [rounds]</c> (issue 19): the same work done by a peer and by ZoomQos in the same run, interleaved,
/// each a process as its users run it, against one in-process <c>serve --seed demo</c> (rate limits off, loopback).
/// Row 1: Zoom's Node SDK <c>@zoom/rivet</c> walking the demo all-hands (1,003 sessions, 101 pages) and writing NDJSON
/// (<c>tests/ZoomQos.TestSupport/Peers/rivet</c>) beside <c>zoomqos fetch --format ndjson --rate-plan none</c>.
/// PASS needs Rivet's median time at least 1.5 × ours, and both outputs one sha256.
/// Then the same walk paced against a server that limits (<see cref="PacedRow"/>), the server under wrk beside a bare-Kestrel ceiling and WireMock.Net (<see cref="ServerRow"/>), [seconds] each run,
/// a simulated 5,000 × 120 webinar fetched beside a bare GET loop (<see cref="LargeRow"/>), and <c>zoomqos demo</c> as a
/// newcomer runs it (<see cref="DemoRow"/>). [rows] (walk,paced,server,large,demo: all by default) runs some.
/// The rows print as one table, each goal met or not.
/// </summary>
internal static class PeersRun
{
    private const string AllHands = "81234567890";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var seconds = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var s) ? s : 10;
        var only = args.Length > 3 ? args[3].Split(',') : ["walk", "paced", "server", "large", "demo"];
        var verdict = new Verdict("peers");
        if (RivetPeer.FindNode() is null)
        {
            verdict.Check(false, "node is not on PATH: the Rivet peer needs it");
            return verdict.Report();
        }

        if (Wrk.Find() is null)
        {
            verdict.Check(false, "wrk is not on PATH (apt-get install wrk): the server row's load generator");
            return verdict.Report();
        }

        var cli = FetchLargeTest.CliPath();
        var directory = Directory.CreateTempSubdirectory("zoomqos-peers-");
        try
        {
            await using var peerServer = await PeerServer.StartAsync(directory, "demo", rateLimits: false);
            var server = peerServer.Server;
            List<PeerRow> rows = [];
            var output = Path.Combine(directory.FullName, "ours.ndjson");
            var rivetTimes = new List<TimeSpan>();
            var ourTimes = new List<TimeSpan>();
            var hashes = new HashSet<string>(StringComparer.Ordinal);

            // Round 0 warms both (the OS's file cache, the server's JIT) and is not counted.
            for (var round = 0; only.Contains("walk") && round <= rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                var rivet = await RivetPeer.WalkAsync(server.ApiBaseAddress, server.TokenAddress, "demo", "demo-client-id", "demo-client-secret", AllHands);
                var rivetTime = watch.Elapsed;
                var ours = await FetchLargeTest.RunCliAsync(cli, ["fetch", AllHands, "--type", "past", "--format", "ndjson", "--rate-plan", "none", "--output", RoundOutput.New(output)], peerServer.Environment);
                var rivetHash = Sha256(Encoding.UTF8.GetBytes(rivet.Ndjson));
                var ourHash = Sha256(await File.ReadAllBytesAsync(output));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: rivet {rivetTime.TotalSeconds:0.00} s (exit {rivet.ExitCode}), zoomqos {ours.Elapsed.TotalSeconds:0.00} s (exit {ours.ExitCode}, peak RSS {ours.PeakRssBytes / 1024.0 / 1024.0:0} MB); sha256 {rivetHash[..12]} / {ourHash[..12]}"));
                verdict.Check(rivet.ExitCode == 0 && ours.ExitCode == 0, $"round {round}: exit {rivet.ExitCode} / {ours.ExitCode}");
                if (round > 0)
                {
                    rivetTimes.Add(rivetTime);
                    ourTimes.Add(ours.Elapsed);
                    hashes.Add(rivetHash);
                    hashes.Add(ourHash);
                }
            }

            if (only.Contains("walk"))
            {
                var ratio = Median(rivetTimes) / Median(ourTimes);
                rows.AddRange(
                [
                    new PeerRow("walk the demo all-hands (1,003 sessions, 101 pages) to NDJSON, as a process, unpaced", string.Create(CultureInfo.InvariantCulture, $"{Median(ourTimes).TotalSeconds:0.00} s"), string.Create(CultureInfo.InvariantCulture, $"@zoom/rivet: {Median(rivetTimes).TotalSeconds:0.00} s"), string.Create(CultureInfo.InvariantCulture, $"Rivet/ours {ratio:0.00}"), ">= 1.5", ratio >= 1.5),
                    new PeerRow("its NDJSON, both walks", $"{hashes.Count} distinct sha256", "-", "-", "1 (byte-identical)", hashes.Count == 1),
                ]);
            }

            if (only.Contains("paced"))
            {
                rows.Add(await PacedRow.RunAsync(directory, cli, rounds));
            }

            if (only.Contains("server"))
            {
                rows.AddRange(await ServerRow.RunAsync(directory, rounds, seconds));
            }

            if (only.Contains("large"))
            {
                rows.Add(await LargeRow.RunAsync(directory, cli, rounds));
            }

            if (only.Contains("demo"))
            {
                rows.Add(await DemoRow.RunAsync(directory, cli, rounds));
            }

            PeerRow.Print(rows);
            foreach (var row in rows.Where(r => !r.Met))
            {
                verdict.Check(false, $"{row.Work}: {row.Ratio} {row.Ours} (goal {row.Goal})");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }

        return verdict.Report();
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
