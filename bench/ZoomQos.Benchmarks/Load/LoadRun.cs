using System.Diagnostics;
using System.Globalization;

namespace ZoomQos.Benchmarks.Load;

/// <summary>
/// A bounded closed-loop load: N workers on one HttpClient send requests back to back for a fixed time after a
/// warm-up, to loopback only, and the run reports requests/s, MB/s and latency percentiles.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, Func<int, HttpRequestMessage> request, int workers, TimeSpan warmUp, TimeSpan duration)
    {
        var latencies = new List<double>[workers];
        var bytes = new long[workers];
        var failures = new int[workers];
        var measuring = false;
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            var i = w;
            while (!stop.IsCancellationRequested)
            {
                using var message = request(i);
                i += workers;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    if (Volatile.Read(ref measuring))
                    {
                        latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        bytes[w] += body.Length;
                        if (!response.IsSuccessStatusCode)
                        {
                            failures[w]++;
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    failures[w]++;
                }
            }
        })).ToArray();

        await Task.Delay(warmUp);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var all = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
        return new LoadResult(name, all.Count / seconds, bytes.Sum() / seconds / 1e6, Percentile(0.50), Percentile(0.99), failures.Sum());
    }
}

/// <summary>One load run's figures.</summary>
internal sealed record LoadResult(string Name, double RequestsPerSecond, double MegabytesPerSecond, double P50Ms, double P99Ms, int Failures)
{
    public string Row(LoadResult? ceiling) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {RequestsPerSecond:N0} | {MegabytesPerSecond:N0} | {P50Ms:N1} | {P99Ms:N1} | {(ceiling is null ? "1.00" : (RequestsPerSecond / ceiling.RequestsPerSecond).ToString("0.00", CultureInfo.InvariantCulture))} | {Failures} |");
}
