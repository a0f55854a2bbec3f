using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// Two <c>zoomqos serve</c> processes on one PostgreSQL database and one Redis, with one signing key: what one
/// node issues the other honours, a walk may alternate nodes page by page, and the account's per-second limit
/// holds across both. Skipped with the reason without PostgreSQL or Redis, except under CI=true.
/// </summary>
public sealed partial class MultiNodeTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_nodes_on_one_postgres_and_one_redis_act_as_one_server()
    {
        var cluster = await PostgresSkip.RequireAsync();
        var (redis, reason) = await RedisProcess.TryGetAsync();
        PostgresSkip.Unless(reason);
        var database = await cluster.CreateDatabaseAsync();
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
        string[] common = ["--urls", "http://127.0.0.1:0", "--store", "postgres:" + database, "--redis", redis!.Configuration, "--signing-key", key];
        using var first = ZoomqosProcess.Start(["serve", .. common, "--seed", "demo"]);
        var a = Address(await first.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90)));
        using var second = ZoomqosProcess.Start(["serve", .. common]);
        var b = Address(await second.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90)));
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 });
            var tokenFromA = await DemoTokens.RequestAsync(http, a);
            var tokenFromB = await DemoTokens.RequestAsync(http, b);

            // A token minted by one node works on the other.
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, b, "/v2/metrics/webinars/81234567894/participants/qos?type=past", tokenFromA)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, a, "/v2/metrics/webinars/81234567894/participants/qos?type=past", tokenFromB)).StatusCode);

            // A walk alternating nodes page by page returns every session once.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var next = string.Empty;
            long? total = null;
            var pages = 0;
            do
            {
                var node = pages % 2 == 0 ? a : b;
                var path = "/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10&next_page_token=" + Uri.EscapeDataString(next);
                var response = await GetAsync(http, node, path, tokenFromA);
                while (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // The limit is the account's, across both nodes: wait for the next second, as a client would.
                    response.Dispose();
                    await Task.Delay(250);
                    response = await GetAsync(http, node, path, tokenFromA);
                }

                using var _ = response;
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"page {pages + 1} on {node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                total ??= page["total_records"]!.GetValue<long>();
                foreach (var participant in page["participants"]!.AsArray())
                {
                    Assert.True(seen.Add(participant!["user_id"]!.GetValue<string>()), "a session came twice");
                }

                next = page["next_page_token"]!.GetValue<string>();
                pages++;
            }
            while (next.Length > 0);
            Assert.Equal(1003, seen.Count);
            Assert.Equal(1003, total);
            Assert.Equal(101, pages);

            // Three times the account's Heavy limit (40 a second) in one burst, alternating nodes. Each answer is
            // placed in the clock second it was sent and answered in (the nodes count whole seconds of this machine's
            // clock); one that straddles two seconds is placed in neither. Limits per node would let 80 through in a
            // second; the account's one limit, shared through Redis, never more than 40, however fast this machine is.
            var answers = await BurstAsync(http, [a, b], tokenFromA, 120);
            var spanned = answers.Max(x => x.Answered) - answers.Min(x => x.Sent) + 1;
            var allowed = answers.Count(x => x.Allowed);
            var bySecond = answers.Where(x => x.Allowed && x.Sent == x.Answered).GroupBy(x => x.Sent).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"{allowed} of {answers.Count} allowed over {spanned} clock second(s); allowed within one second: {string.Join(", ", bySecond.Select(s => $"{s.Key}: {s.Value}"))}");
            Assert.All(bySecond.Values, n => Assert.True(n <= 40, $"{n} allowed within one clock second"));
            Assert.InRange(allowed, 1, 40 * spanned);
        }
        finally
        {
            first.Signal("TERM");
            second.Signal("TERM");
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await second.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await cluster.DropDatabaseAsync(database);
        }
    }

    private static Uri Address(string stderr) => new(Listening().Match(stderr).Groups[1].Value);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri node, string pathAndQuery, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    // Requests all at once, alternating nodes: the Unix second each was sent in and answered in, and whether it was allowed.
    private static async Task<List<(long Sent, long Answered, bool Allowed)>> BurstAsync(HttpClient http, Uri[] nodes, string token, int count) =>
        [.. await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var sent = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var response = await GetAsync(http, nodes[i % nodes.Length], "/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size=1", token);
            return (sent, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), response.StatusCode == HttpStatusCode.OK);
        })))];

    [GeneratedRegex(@"listening on (http://\S+?)/? ")]
    private static partial Regex Listening();
}
