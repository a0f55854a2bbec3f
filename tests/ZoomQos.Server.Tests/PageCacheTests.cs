using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary>
/// The kept pages of ended instances (issue 19, decision 0023): sent again byte for byte as a server that keeps none
/// sends them, the request's own token spliced in; stale as soon as a merge into the instance commits, whichever
/// process made it, whether or not it changed the session count.
/// </summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract partial class PageCacheTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    private ZoomApi Api => demo.Api;

    [SkippableFact]
    public async Task A_kept_page_is_what_a_server_keeping_none_sends_but_for_the_token_and_its_token_walks_on()
    {
        await using var keepsNone = await demo.StartAnotherAsync(o => o with { RateLimits = false, PageCacheBytes = 0 });
        var page = "/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10";
        var token = await Api.TokenAsync();
        var read = await Api.GetAsync(page, token);
        var kept = await Api.GetAsync(page, token);
        var fresh = await keepsNone.GetAsync(page, await keepsNone.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, kept.Status);
        Assert.Equal(WithoutToken(fresh.Text), WithoutToken(read.Text));
        Assert.Equal(WithoutToken(fresh.Text), WithoutToken(kept.Text));
        Assert.NotEqual(string.Empty, kept.Json!["next_page_token"]!.GetValue<string>());

        // The whole walk through kept pages: each token leads to the next page, every session once.
        var users = new HashSet<string>(StringComparer.Ordinal);
        for (var walk = 0; walk < 2; walk++)
        {
            users.Clear();
            var next = string.Empty;
            do
            {
                var answer = await Api.GetAsync(page + "&next_page_token=" + Uri.EscapeDataString(next), token);
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                Assert.All(answer.Json!["participants"]!.AsArray(), p => Assert.True(users.Add(p!["user_id"]!.GetValue<string>())));
                next = answer.Json["next_page_token"]!.GetValue<string>();
            }
            while (next.Length > 0);
            Assert.Equal(kept.Json["total_records"]!.GetValue<long>(), users.Count);
        }
    }

    [SkippableFact]
    public async Task A_merge_made_through_another_server_makes_the_kept_page_stale()
    {
        var (ingestPath, listPath, lines) = await IngestAsync("Kept+Page/Test00000000w==", 81234567995, 2);
        var token = await Api.TokenAsync();
        var before = await Api.GetAsync(listPath, token);
        var keptBefore = await Api.GetAsync(listPath, token);

        await using var other = await demo.StartAnotherAsync(o => o with { RateLimits = false });
        var changed = JsonNode.Parse(lines[0])!;
        changed["user_name"] = "Renamed by another node";
        var merged = await other.SendAsync(HttpMethod.Post, ingestPath + "/participants", await other.TokenAsync(IngestClient, IngestSecret), Ndjson(changed.ToJsonString() + "\n" + lines[1]));
        var after = await Api.GetAsync(listPath, token);

        Assert.Equal(HttpStatusCode.OK, merged.Status);
        Assert.Equal(before.Text, keptBefore.Text);
        Assert.Equal(1, before.Json!["total_records"]!.GetValue<long>());
        Assert.Equal(2, after.Json!["total_records"]!.GetValue<long>());
        Assert.Contains(after.Json["participants"]!.AsArray(), p => p!["user_name"]!.GetValue<string>() == "Renamed by another node");
    }

    [SkippableFact]
    public async Task A_merge_that_changes_a_session_but_not_the_count_makes_the_kept_page_stale()
    {
        var (ingestPath, listPath, lines) = await IngestAsync("Kept+Page/Test00000001w==", 81234567994, 1);
        var token = await Api.TokenAsync();
        var before = await Api.GetAsync(listPath, token);
        var changed = JsonNode.Parse(lines[0])!;
        changed["user_name"] = "Renamed in place";
        await Api.SendAsync(HttpMethod.Post, ingestPath + "/participants", await Api.TokenAsync(IngestClient, IngestSecret), Ndjson(changed.ToJsonString()));
        var after = await Api.GetAsync(listPath, token);

        Assert.Equal(before.Json!["total_records"]!.GetValue<long>(), after.Json!["total_records"]!.GetValue<long>());
        Assert.Equal("Renamed in place", after.Json["participants"]![0]!["user_name"]!.GetValue<string>());
    }

    private const string IngestClient = "demo-ingest-client-id";
    private const string IngestSecret = "demo-ingest-client-secret";

    // An ended instance ingested with the first of the 12-session webinar's sessions; its ingestion and list paths, and
    // the first `available` sessions' lines.
    private async Task<(string IngestPath, string ListPath, List<string> Lines)> IngestAsync(string uuid, long webinarId, int available)
    {
        var escaped = Uri.EscapeDataString(Uri.EscapeDataString(uuid));
        var ingestPath = "/v2/ingest/instances/" + escaped;
        var source = await Api.GetAsync($"/v2/metrics/webinars/81234567894/participants/qos?type=past&page_size={available}", await Api.TokenAsync());
        var lines = source.Json!["participants"]!.AsArray().Select(p => p!.ToJsonString()).ToList();
        var ingest = await Api.TokenAsync(IngestClient, IngestSecret);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Put, ingestPath, ingest, Json($$"""{"webinar_id":{{webinarId}},"start_time":"2026-11-20T10:00:00Z","end_time":"2026-11-20T11:00:00Z"}"""))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(HttpMethod.Post, ingestPath + "/participants", ingest, Ndjson(lines[0]))).Status);
        return (ingestPath, $"/v2/metrics/webinars/{escaped}/participants/qos?type=past&page_size=10", lines);
    }

    private static string WithoutToken(string page) => Token().Replace(page, "\"next_page_token\":\"\"");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [GeneratedRegex("\"next_page_token\":\"[^\"]*\"")]
    private static partial Regex Token();
}

[Collection(SharedDemoServer.Name)]
public sealed class PageCacheOnSqlite(DemoServer demo) : PageCacheTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class PageCacheOnPostgres(PostgresDemoServer demo) : PageCacheTests(demo);
