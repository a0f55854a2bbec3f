using System.Diagnostics;
using System.Globalization;
using ZoomQos.Archive.Summaries;
using ZoomQos.Archive.Trends;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.Storage.Postgres;
using ZoomQos.Storage.Sqlite;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// <c>bench -- trends [instances]</c>: an archive of 500 instances (100 sessions × 60 minutes each, 3 million samples,
/// from the simulator; a recurring webinar of 20 instances among them), on SQLite and on PostgreSQL, each instance
/// summarised once; then the account's trend over all of them, one webinar's trend and one person's history, 20 times
/// each. PASS needs the account trend over all 500 in 1 s or less at p95 on each store (issue 17's figure for
/// <c>/trends</c>, without HTTP), and shows it beside the baseline of the same run: analysing every instance from
/// its samples, which is what a trend without stored summaries would cost. Then the dashboard over the same archive
/// (<see cref="DashboardTimings"/>).
/// </summary>
internal static class TrendsRun
{
    private const string Account = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var verdict = new Verdict("trends");
        var directory = Directory.CreateTempSubdirectory("zoomqos-trends-");
        try
        {
            var path = Path.Combine(directory.FullName, "trends.db");
            await JudgeAsync("SQLite", "sqlite:" + path, new SqliteQosStore(path), count, verdict);
            var (cluster, reason) = await PostgresCluster.TryGetAsync();
            if (cluster is null)
            {
                Console.WriteLine($"PostgreSQL: skipped ({reason})");
            }
            else
            {
                var database = await cluster.CreateDatabaseAsync();
                await JudgeAsync("PostgreSQL", "postgres:" + database, new PostgresQosStore(database), count, verdict);
                await cluster.DropDatabaseAsync(database);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }

        return verdict.Report();
    }

    private static async Task JudgeAsync(string kind, string spec, IQosStore store, int count, Verdict verdict)
    {
        await using (store)
        {
            await store.InitializeAsync();
            await store.UpsertAccountAsync(new Account(Account, AccountPlan.Business, true, false));
            var start = new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
            var instances = new List<WebinarInstance>();
            var fill = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var begin = start.AddHours(i * 17);
                var webinarId = i % 25 == 0 ? 81234567890 : 85000000000 + i; // every 25th is the recurring all-hands
                var instance = new WebinarInstance($"bench-{i:D4}==", webinarId, Account, webinarId == 81234567890 ? "Quarterly all-hands" : $"Webinar {i}", "Host", "host@example.com", begin, begin.AddMinutes(60));
                await store.UpsertInstanceAsync(instance);
                var webinar = WebinarSimulator.Simulate(new WebinarSpec(instance, 2, 98, 60, 1000 + i, PlantFaults: i % 25 == 0));
                await store.MergeParticipantsAsync(instance.Uuid, webinar.Participants().ToAsyncEnumerable());
                instances.Add(instance);
            }

            var filled = fill.Elapsed;
            var summarise = Stopwatch.StartNew();
            foreach (var instance in instances)
            {
                await InstanceSummaries.ComputeAsync(store, instance, DateTimeOffset.UtcNow);
            }

            var summarised = summarise.Elapsed;
            var (from, to) = (start.AddDays(-1), start.AddHours(count * 17).AddDays(1));
            var person = (await store.ReadSessionOutcomesAsync(instances[^1].Uuid)).First(o => o.Person.Length > 0).Person;
            var account = await TimeAsync(() => TrendQueries.AccountAsync(store, Account, from, to));
            var webinarTrend = await TimeAsync(() => TrendQueries.WebinarAsync(store, Account, 81234567890, from, to));
            var history = await TimeAsync(() => TrendQueries.ParticipantAsync(store, Account, person, from, to));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                {kind}: {count} instances × 100 sessions × 60 minutes stored in {filled.TotalSeconds:0.0} s; summarised in {summarised.TotalSeconds:0.0} s ({summarised.TotalMilliseconds / count:0} ms an instance: the baseline, a trend analysing the samples)
                  account trend over all {count}: p50 {account.P50:0} ms, p95 {account.P95:0} ms (x{account.P95 / summarised.TotalMilliseconds:0.0000} of the baseline)
                  webinar trend ({instances.Count(i => i.WebinarId == 81234567890)} instances): p50 {webinarTrend.P50:0.0} ms, p95 {webinarTrend.P95:0.0} ms; a person's history: p50 {history.P50:0.0} ms, p95 {history.P95:0.0} ms
                """));
            verdict.Check(account.P95 <= 1000, string.Create(CultureInfo.InvariantCulture, $"{kind}: the account trend over {count} instances took {account.P95:0} ms at p95, over 1,000"));
            await DashboardTimings.JudgeAsync(kind, spec, store, Account, instances[^1].Uuid, instances[^1].WebinarId, verdict);
        }
    }

    private static async Task<(double P50, double P95)> TimeAsync<T>(Func<Task<T>> query) => await DashboardTimings.TimeAsync(20, () => query());
}
