using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;
using ZoomQos.TestSupport;

namespace ZoomQos.Benchmarks.Load;

/// <summary>
/// Issue 4's load test: the list endpoint at page_size 10 over loopback with 16 connections, rate limits off,
/// beside the ceiling (a bare Kestrel app returning the same bytes from memory) and WireMock.Net serving the
/// same page as a canned response, in one run; then the token endpoint.
/// Run: dotnet run -c Release --project bench/ZoomQos.Benchmarks -- load [seconds]
/// </summary>
internal static class ServerLoadTest
{
    private const int Connections = 16;

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var duration = TimeSpan.FromSeconds(seconds);
        var warmUp = TimeSpan.FromSeconds(2);
        var directory = Directory.CreateTempSubdirectory("zoomqos-load-");
        try
        {
            await using var server = await ZoomQosServer.StartAsync(
                new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + Path.Combine(directory.FullName, "load.db"), SeedDemo = true, RateLimits = false },
                logging => logging.SetMinimumLevel(LogLevel.Warning));
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
            var token = await TokenAsync(http, server);
            var pages = await WalkAsync(http, server.BaseAddress, token);
            using var first = new HttpRequestMessage(HttpMethod.Get, pages[0]);
            first.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var firstResponse = await http.SendAsync(first);
            var page = await firstResponse.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The demo all-hands: {pages.Count} pages; page 1 is {page.Length:N0} bytes. {Connections} connections, {seconds} s per run after a 2 s warm-up."));

            await using var ceiling = await BareKestrelAsync(page);
            using var wireMock = WireMockServer.Start();
            wireMock.Given(Request.Create().WithPath("/v2/metrics/webinars/81234567890/participants/qos").UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(page));

            // What mocking a whole walk takes: the 101 recorded pages, one mapping each, told apart by next_page_token.
            using var wireMockWalk = WireMockServer.Start();
            foreach (var uri in pages)
            {
                using var recording = new HttpRequestMessage(HttpMethod.Get, uri);
                recording.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var recorded = await http.SendAsync(recording);
                var pageToken = System.Web.HttpUtility.ParseQueryString(uri.Query)["next_page_token"] ?? string.Empty;
                wireMockWalk.Given(Request.Create().WithPath(uri.AbsolutePath).WithParam("next_page_token", new WireMock.Matchers.ExactMatcher(pageToken)).UsingGet())
                    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(await recorded.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()));
            }

            var bare = await LoadRun.RunAsync("Bare Kestrel, same bytes from memory (ceiling)", http, _ => new HttpRequestMessage(HttpMethod.Get, new Uri(ceiling.Urls.First() + "/page")), Connections, warmUp, duration);
            var zoomqos = await LoadRun.RunAsync("**ZoomQos server, list endpoint, 101 different pages**", http, i =>
            {
                var message = new HttpRequestMessage(HttpMethod.Get, pages[i % pages.Count]);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return message;
            }, Connections, warmUp, duration);
            var mock = await LoadRun.RunAsync("WireMock.Net 1.25, same page canned", http, _ => new HttpRequestMessage(HttpMethod.Get, new Uri(wireMock.Url + "/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10")), Connections, warmUp, duration);
            var mockWalk = await LoadRun.RunAsync("WireMock.Net 1.25, the 101 recorded pages (101 mappings)", http, i => new HttpRequestMessage(HttpMethod.Get, new Uri(wireMockWalk.Url + pages[i % pages.Count].PathAndQuery)), Connections, warmUp, duration);

            Console.WriteLine();
            Console.WriteLine("| Server | Pages/s | MB/s | p50 ms | p99 ms | Ratio to ceiling | Failures |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(bare.Row(null));
            Console.WriteLine(zoomqos.Row(bare));
            Console.WriteLine(mock.Row(bare));
            Console.WriteLine(mockWalk.Row(bare));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ZoomQos / WireMock.Net: {zoomqos.RequestsPerSecond / mock.RequestsPerSecond:0.00}x (one canned page), {zoomqos.RequestsPerSecond / mockWalk.RequestsPerSecond:0.00}x (the 101 pages)"));

            var tokens = await LoadRun.RunAsync("Token endpoint (POST /oauth/token)", http, _ => TokenRequest(server), Connections, warmUp, duration);
            Console.WriteLine();
            Console.WriteLine("| Endpoint | Tokens/s | p50 ms | p99 ms | Failures |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {tokens.Name} | {tokens.RequestsPerSecond:N0} | {tokens.P50Ms:N1} | {tokens.P99Ms:N1} | {tokens.Failures} |"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage TokenRequest(ZoomQosServer server)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.TokenAddress + "?grant_type=account_credentials&account_id=demo"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-client-id:demo-client-secret")));
        return message;
    }

    internal static Task<string> TokenAsync(HttpClient http, ZoomQosServer server) => DemoTokens.RequestAsync(http, server.BaseAddress);

    internal static async Task<List<Uri>> WalkAsync(HttpClient http, Uri baseAddress, string token)
    {
        var pages = new List<Uri>();
        var next = string.Empty;
        do
        {
            var uri = new Uri(baseAddress, "v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10&next_page_token=" + Uri.EscapeDataString(next));
            pages.Add(uri);
            using var message = new HttpRequestMessage(HttpMethod.Get, uri);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(message);
            next = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["next_page_token"]!.GetValue<string>();
        }
        while (next.Length > 0);
        return pages;
    }

    internal static async Task<WebApplication> BareKestrelAsync(byte[] page)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/page", () => TypedResults.Bytes(page, "application/json"));
        await app.StartAsync();
        return app;
    }
}
