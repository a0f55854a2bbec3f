using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZoomQos.Server.Faults;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Qos;
using ZoomQos.Server.Tests.Support;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>Health, the OpenAPI document, and fault injection.</summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class OperationsTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    [SkippableFact]
    public async Task Health_and_alive_answer_without_a_token()
    {
        var health = await demo.Api.GetAsync("/health", null);
        var alive = await demo.Api.GetAsync("/alive", null);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Json!["status"]!.GetValue<string>());
        Assert.Equal("alive", alive.Text);
    }

    [SkippableFact]
    public async Task The_openapi_document_describes_the_zoom_routes()
    {
        var anonymous = await demo.Api.GetAsync("/openapi/v1.json", null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.Status);
        var document = await demo.Api.GetAsync("/openapi/v1.json", await demo.Api.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, document.Status);
        var paths = document.Json!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/v2/metrics/webinars/{webinarId}/participants/qos", paths);
        Assert.Contains("/v2/metrics/webinars/{webinarId}/participants/{participantId}/qos", paths);
        Assert.Contains("/v2/metrics/webinars", paths);
        Assert.Contains("/oauth/token", paths);
    }

    [Fact]
    public async Task A_limit_of_no_pages_in_flight_is_refused_before_anything_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ZoomQosServer.StartAsync(new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N") + ".db"), MaxPagesInFlight = 0 }));

        Assert.Contains("MaxPagesInFlight", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Injected_faults_hit_about_their_share_of_api_requests_and_never_oauth()
    {
        await using var api = await demo.StartAnotherAsync(o => o with { RateLimits = false, Faults = FaultSpec.Parse("429:20,429-bare:10,503:10,500:5,502:5,reset:10") });
        var token = await api.TokenAsync();

        var statuses = new List<HttpStatusCode?>();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                statuses.Add((await api.GetAsync("/v2/metrics/webinars/81234567894/participants/qos?type=past", token)).Status);
            }
            catch (HttpRequestException)
            {
                statuses.Add(null); // the connection was reset
            }
        }

        var ok = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.InRange(ok, 40, 120);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.Contains(HttpStatusCode.InternalServerError, statuses);
        Assert.Contains(HttpStatusCode.BadGateway, statuses);
        Assert.Contains(null, statuses);
        for (var i = 0; i < 20; i++)
        {
            Assert.False(string.IsNullOrEmpty(await api.TokenAsync()));
        }
    }

    // docs/RELIABILITY.md: on PostgreSQL a fresh server once answered 1 or 2 of these 16 with a 500; the server's log is
    // kept so that a failure says why.
    [SkippableFact]
    public async Task Pages_beyond_the_limit_in_flight_wait_their_turn_and_all_arrive_whole()
    {
        var log = new CapturedLog();
        await using var server = await DemoServers.StartAsync(demo.Store, demo.Time, o => o with { MaxPagesInFlight = 2 }, log);
        using var api = new ZoomApi(server.BaseAddress);
        var token = await api.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => api.GetAsync("/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10", token)));

        Assert.True(answers.All(answer => answer.Status == HttpStatusCode.OK), $"{string.Join(", ", answers.Select(a => (int)a.Status))}\n{log}");
        Assert.All(answers, answer => Assert.Equal(10, answer.Json!["participants"]!.AsArray().Count));
        Assert.Single(answers.Select(answer => answer.Text).Distinct());
        Assert.InRange(server.Services.GetRequiredService<PageSlots>().HighWater, 1, 2);
    }

    [SkippableTheory]
    [InlineData("429:10,503:5,reset:2", 3)]
    [InlineData("delay:50@250", 1)]
    [InlineData("", 0)]
    public void Fault_specs_parse(string text, int shares) => Assert.Equal(shares, FaultSpec.Parse(text).Shares.Count);

    [SkippableTheory]
    [InlineData("429")]
    [InlineData("418:5")]
    [InlineData("429:150")]
    [InlineData("429:60,503:60")]
    [InlineData("503:5@100")]
    [InlineData("429:x")]
    public void Bad_fault_specs_say_what_is_wrong(string text) =>
        Assert.False(string.IsNullOrWhiteSpace(Assert.Throws<FormatException>(() => FaultSpec.Parse(text)).Message));
}

[Collection(SharedDemoServer.Name)]
public sealed class OperationsOnSqlite(DemoServer demo) : OperationsTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class OperationsOnPostgres(PostgresDemoServer demo) : OperationsTests(demo);
