using System.Text;
using Xunit.Abstractions;
using ZoomQos.Server.Tests.Support;
using ZoomQos.Storage;

namespace ZoomQos.Server.Tests;

/// <summary>
/// A corpus of hostile requests, written byte for byte over raw sockets: identifiers with traversal, control
/// characters, unicode, 10 KB lengths and broken percent-encoding; every malformed type, page_size and page token;
/// absent, malformed and oversized Authorization headers; oversized queries and headers; ingestion bodies that are
/// not JSON, deeply nested, over the size limit, or with a bad line in the middle. Every answer must be a 4xx with
/// Zoom's error body (the OAuth shape on the token endpoint), the server must stay up, and the store must not change.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class HostileRequestTests(DemoServer demo, ITestOutputHelper output)
{
    private static readonly string[] Identifiers =
    [
        "..", "../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "..%252F..%252F", "%5C..%5C..%5Cwindows",
        "%00", "81234567890%00", "%0A", "%0D%0AX-Injected:%201", "%7F", "%1B%5B31m", "%FF%FE", "%C0%AF", "%E2%80%AE", "%F0%9F%98%80",
        "%", "%G1", "%E0%A4", "%2", "%%", "%u0041", "%252", "%25%25",
        new string('9', 10_240), new string('a', 10_240), "81234567890" + new string('0', 4_000), "-1", "0", "1e10", "0x1F", "99999999999999999999",
        "%20", "%09", "null", "undefined", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1--", "%22%3B%20DROP%20TABLE%20sessions;--", "%2F",
    ];

    private static readonly string[] Types = ["", "PAST", "Past", "past%20", "pastOne", "past;drop", "%00", "live,past", "1", "%E2%80%AE", new string('p', 10_240), "past&type=live&type=x", "%", "%G1", "null"];

    private static readonly string[] PageSizes = ["-1", "0", "11", "1e3", "0x10", "", "99999999999999999999", "%205", "5.0", "five", "%00", "+5", "5%20", "2147483648", new string('9', 5_000)];

    private static readonly string[] PageTokens =
    [
        "x", "%", "%G1", "null", "e30", "eyJ9", "eyJhIjoiZGVtbyJ9.AAAA", "....", "%00%00", new string('A', 10_240), "AAAA.BBBB", "eyJhbGciOiJub25lIn0.eyJhIjoiZGVtbyJ9.",
        "%7B%22a%22:1%7D", "////", "====", "a.b", "a.b.c.d", "%E2%80%AE", "-_-_", "0",
    ];

    private static readonly string[] Authorizations =
    [
        "", "Bearer", "Bearer ", "Bearer  ", "Basic ZGVtbzpkZW1v", "bearer x", "Bearer x.y.z", "Bearer eyJhbGciOiJub25lIn0.eyJhIjoiZGVtbyJ9.",
        "Bearer " + new string('A', 12_000), "Token abc", "Bearer %00", "Bearer \u00e9\u00e8", "Digest username=x", "Bearer ../../etc",
    ];

    [Fact]
    public async Task Hostile_requests_get_4xx_with_zooms_body_the_server_stays_up_and_the_store_is_unchanged()
    {
        await using var store = QosStores.Open(demo.Store);
        var before = await store.ComputeChecksumAsync();
        var token = await demo.Api.TokenAsync();
        var ingest = await demo.Api.TokenAsync("demo-ingest-client-id", "demo-ingest-client-secret");
        await using var small = await demo.StartAnotherAsync(o => o with { MaxIngestBytes = 16 * 1024 });
        var cases = Corpus(token).ToList();
        cases.AddRange(IngestionCorpus(ingest, small.BaseAddress));

        var failures = new List<string>();
        var kestrel = 0;
        var statuses = new SortedDictionary<int, int>();
        foreach (var (name, server, method, target, headers, body, oauth) in cases)
        {
            var response = await RawHttp.SendAsync(server ?? demo.Server.BaseAddress, method, target, headers, body);
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            var json = response.Json;
            var shaped = oauth
                ? json?["error"] is not null && json["reason"] is not null
                : json?["code"] is not null && json["message"] is not null;
            if (KestrelRejects(target))
            {
                kestrel++; // refused by Kestrel before any middleware runs; KestrelRejections gives it Zoom's body
            }

            if (response.Status is < 400 or > 499 || !shaped)
            {
                failures.Add($"{name}: {response.Status} {Shorten(response.Body)}");
            }
        }

        output.WriteLine($"{cases.Count} hostile requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}; {kestrel} refused by Kestrel itself (an encoded NUL in the path), answered with Zoom's body");
        Assert.True(cases.Count >= 300, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} not a 4xx with Zoom's body:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await demo.Api.GetAsync("/health", null)).Status);
        Assert.Equal(before, await store.ComputeChecksumAsync());
    }

    [Fact]
    public async Task A_request_kestrel_refuses_after_a_served_one_on_the_same_connection_gets_zooms_body_and_the_served_one_is_untouched()
    {
        // Two requests pipelined on one keep-alive connection: the first is answered by the application (its bytes
        // must pass through unchanged), the second is refused by Kestrel while parsing (an encoded NUL).
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(demo.Server.BaseAddress.Host, demo.Server.BaseAddress.Port);
        var stream = client.GetStream();
        var host = demo.Server.BaseAddress.Authority;
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /health HTTP/1.1\r\nHost: {host}\r\n\r\nGET /v2/metrics/webinars/81234567890%00/participants/qos HTTP/1.1\r\nHost: {host}\r\n\r\n"));
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer).WaitAsync(TimeSpan.FromSeconds(30));
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        output.WriteLine(text);

        var second = text.IndexOf("HTTP/1.1 400", StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", text, StringComparison.Ordinal);
        Assert.True(second > 0, "no 400 after the 200");
        var health = RawHttp.Parse(Encoding.UTF8.GetBytes(text[..second]));
        Assert.Equal(200, health.Status);
        var refused = RawHttp.Parse(Encoding.UTF8.GetBytes(text[second..]));
        Assert.Equal(400, refused.Status);
        Assert.Equal(300, refused.Json?["code"]?.GetValue<int>());
        Assert.Equal("Invalid request.", refused.Json?["message"]?.GetValue<string>());
    }

    // Kestrel refuses a path with an encoded NUL while parsing the request line, before the application sees it.
    private static bool KestrelRejects(string target) => target.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private static IEnumerable<(string Name, Uri? Server, string Method, string Target, string[] Headers, byte[]? Body, bool OAuth)> Corpus(string token)
    {
        string[] auth = ["Authorization: Bearer " + token];
        foreach (var id in Identifiers)
        {
            yield return ($"list id {Shorten(id)}", null, "GET", $"/v2/metrics/webinars/{id}/participants/qos?type=past", auth, null, false);
            yield return ($"get-one webinar id {Shorten(id)}", null, "GET", $"/v2/metrics/webinars/{id}/participants/16778240/qos?type=past", auth, null, false);
            yield return ($"get-one participant id {Shorten(id)}", null, "GET", $"/v2/metrics/webinars/81234567890/participants/{id}/qos?type=past", auth, null, false);
            yield return ($"ingest uuid {Shorten(id)} without qos:write", null, "PUT", $"/v2/ingest/instances/{id}", auth, Encoding.UTF8.GetBytes("{}"), false);
        }

        foreach (var type in Types)
        {
            yield return ($"list type {Shorten(type)}", null, "GET", $"/v2/metrics/webinars/81234567890/participants/qos?type={type}", auth, null, false);
            yield return ($"get-one type {Shorten(type)}", null, "GET", $"/v2/metrics/webinars/81234567890/participants/16778240/qos?type={type}", auth, null, false);
            yield return ($"webinars type {Shorten(type)}", null, "GET", $"/v2/metrics/webinars?type={type}&from=2026-11-01&to=2026-11-20", auth, null, false);
        }

        foreach (var size in PageSizes)
        {
            yield return ($"page_size {Shorten(size)}", null, "GET", $"/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size={size}", auth, null, false);
        }

        foreach (var size in PageSizes.Where(s => s != "11").Append("301"))
        {
            yield return ($"webinars page_size {Shorten(size)}", null, "GET", $"/v2/metrics/webinars?type=past&from=2026-11-01&to=2026-11-20&page_size={size}", auth, null, false);
        }

        foreach (var pageToken in PageTokens)
        {
            yield return ($"page token {Shorten(pageToken)}", null, "GET", $"/v2/metrics/webinars/81234567890/participants/qos?type=past&next_page_token={pageToken}", auth, null, false);
            yield return ($"webinars page token {Shorten(pageToken)}", null, "GET", $"/v2/metrics/webinars?type=past&from=2026-11-01&to=2026-11-20&next_page_token={pageToken}", auth, null, false);
        }

        foreach (var value in Authorizations)
        {
            string[] headers = value.Length == 0 ? [] : ["Authorization: " + value];
            yield return ($"authorization {Shorten(value)}", null, "GET", "/v2/metrics/webinars/81234567890/participants/qos?type=past", headers, null, false);
            yield return ($"authorization {Shorten(value)} (get-one)", null, "GET", "/v2/metrics/webinars/81234567890/participants/16778240/qos?type=past", headers, null, false);
            yield return ($"authorization {Shorten(value)} (webinars)", null, "GET", "/v2/metrics/webinars?type=live", headers, null, false);
            yield return ($"authorization {Shorten(value)} (ingest)", null, "POST", "/v2/ingest/instances/x/participants", headers, Encoding.UTF8.GetBytes("{}"), false);
        }

        string[] twoTokens = ["Authorization: Bearer " + token, "Authorization: Bearer " + token];
        yield return ("two Authorization headers", null, "GET", "/v2/metrics/webinars/81234567890/participants/qos?type=past", twoTokens, null, false);
        yield return ("oversized query (20 KB)", null, "GET", "/v2/metrics/webinars/81234567890/participants/qos?type=past&junk=" + new string('j', 20_000), auth, null, false);
        yield return ("oversized query (60 KB)", null, "GET", "/v2/metrics/webinars?type=live&junk=" + new string('j', 60_000), auth, null, false);
        yield return ("request line beyond Kestrel's limit (70 KB)", null, "GET", "/v2/metrics/webinars?type=live&junk=" + new string('j', 70_000), auth, null, false);
        yield return ("headers beyond Kestrel's limit (70 KB)", null, "GET", "/v2/metrics/webinars?type=live", [.. auth, "X-Junk: " + new string('h', 70_000)], null, false);
        yield return ("oversized header (20 KB)", null, "GET", "/v2/metrics/webinars?type=live", [.. auth, "X-Junk: " + new string('h', 20_000)], null, false);
        yield return ("many headers (40 x 1 KB)", null, "GET", "/v2/metrics/webinars?type=live", [.. auth, .. Enumerable.Range(0, 40).Select(i => $"X-Junk-{i}: " + new string('h', 1_000))], null, false);
        yield return ("unknown route", null, "GET", "/v2/metrics/webinars/81234567890/secrets", auth, null, false);
        yield return ("wrong method", null, "DELETE", "/v2/metrics/webinars/81234567890/participants/qos", auth, null, false);
        yield return ("traversal route", null, "GET", "/v2/../../etc/passwd", auth, null, false);

        // The token endpoint answers with the OAuth shape.
        string[] basic = ["Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-client-id:demo-client-secret"))];
        foreach (var query in new[] { "", "grant_type=password&account_id=demo", "grant_type=account_credentials", "grant_type=account_credentials&account_id=", "grant_type=account_credentials&account_id=" + new string('a', 10_000), "grant_type=account_credentials&account_id=%00", "grant_type=account_credentials&account_id=..%2F..", "grant_type=%E2%80%AE&account_id=demo", "grant_type=account_credentials&account_id=other" })
        {
            yield return ($"token ?{Shorten(query)}", null, "POST", "/oauth/token?" + query, basic, null, true);
        }

        foreach (var header in new[] { "", "Basic", "Basic %%%", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon")), "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":")), "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-client-id:wrong")), "Bearer x", "Basic " + new string('A', 12_000) })
        {
            string[] headers = header.Length == 0 ? [] : ["Authorization: " + header];
            yield return ($"token auth {Shorten(header)}", null, "POST", "/oauth/token?grant_type=account_credentials&account_id=demo", headers, null, true);
        }

    }

    private static IEnumerable<(string Name, Uri? Server, string Method, string Target, string[] Headers, byte[]? Body, bool OAuth)> IngestionCorpus(string ingest, Uri small)
    {
        string[] auth = ["Authorization: Bearer " + ingest, "Content-Type: application/json"];
        var nested = new string('[', 200) + new string(']', 200);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        foreach (var (name, body) in new[]
        {
            ("not JSON", "this is not json"), ("empty", ""), ("array", "[]"), ("number", "42"), ("nested arrays", nested), ("nested objects", deepObject),
            ("wrong types", """{"webinar_id":"x","start_time":5}"""), ("missing start", """{"webinar_id":81234567990}"""), ("end before start", """{"webinar_id":81234567990,"start_time":"2026-11-20T10:00:00Z","end_time":"2026-11-19T10:00:00Z"}"""),
            ("webinar id out of range", """{"webinar_id":-5,"start_time":"2026-11-20T10:00:00Z"}"""), ("another account's webinar", """{"webinar_id":82234567890,"start_time":"2026-11-20T10:00:00Z"}"""),
            ("truncated", """{"webinar_id":81234567990,"start_time":"2026-11"""), ("nul bytes", "{\"webinar_id\":\u0000}"),
        })
        {
            yield return ($"ingest instance: {name}", null, "PUT", "/v2/ingest/instances/hostile-instance", auth, Encoding.UTF8.GetBytes(body), false);
        }

        var goodLine = """{"user_id":"1","join_time":"2026-11-20T10:00:05Z","user_qos":[]}""";
        foreach (var (name, body) in new[]
        {
            ("participants into an unknown instance", goodLine), ("participants not JSON", "not json\nat all"), ("a bad line in the middle", goodLine + "\n{\"user_id\":\"2\",\n" + goodLine),
            ("participants nested", "{\"user_id\":\"1\",\"user_qos\":" + nested + "}"), ("a number per line", "1\n2\n3"), ("two objects on a line", goodLine + " " + goodLine),
            ("participants of another account's webinar", goodLine),
        })
        {
            var target = name == "participants of another account's webinar" ? "/v2/ingest/instances/" + Uri.EscapeDataString(Uri.EscapeDataString("demo-hipaa-instance")) + "/participants" : "/v2/ingest/instances/no-such-instance/participants";
            yield return ($"ingest {name}", null, "POST", target, ["Authorization: Bearer " + ingest, "Content-Type: application/x-ndjson"], Encoding.UTF8.GetBytes(body), false);
        }

        // Over the size limit (16 KB on this server): by Content-Length, and streamed line by line.
        var big = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(goodLine, 2_000)));
        yield return ("ingest over the size limit", small, "POST", "/v2/ingest/instances/no-such-instance/participants", ["Authorization: Bearer " + ingest, "Content-Type: application/x-ndjson"], big, false);
        yield return ("ingest instance over the size limit", small, "PUT", "/v2/ingest/instances/hostile-instance", auth, big, false);
    }
}
