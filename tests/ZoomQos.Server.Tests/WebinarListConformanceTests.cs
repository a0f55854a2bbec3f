using System.Globalization;
using System.Net;
using ZoomQos.Server.Tests.Support;

namespace ZoomQos.Server.Tests;

/// <summary><c>GET /metrics/webinars</c> over real HTTP.</summary>
/// <remarks>The suite runs once on SQLite and once on PostgreSQL (the subclasses below).</remarks>
public abstract class WebinarListConformanceTests(DemoServer demo)
{
    private readonly DemoServer _required = demo.RequireAvailable();

    private ZoomApi Api => demo.Api;

    private string Today => demo.Time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string DaysAgo(int days) => demo.Time.GetUtcNow().AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Past_webinars_of_the_range_are_listed_with_their_participant_counts()
    {
        var answer = await Api.GetAsync($"/v2/metrics/webinars?type=past&from={DaysAgo(10)}&to={Today}", await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var webinars = answer.Json!["webinars"]!.AsArray();
        Assert.Contains(webinars, w => w!["id"]!.GetValue<long>() == 81234567890 && w["participants"]!.GetValue<long>() == 1003);
        Assert.Contains(webinars, w => w!["uuid"]!.GetValue<string>() == "/DemoQos//Slash+Uuid0w==");
        Assert.DoesNotContain(webinars, w => w!["id"]!.GetValue<long>() == 82234567890);
        Assert.Equal(webinars.Count, answer.Json["total_records"]!.GetValue<long>());
        Assert.Equal("", answer.Json["next_page_token"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_live_webinar_is_listed_by_default_and_pages_follow_tokens()
    {
        var token = await Api.TokenAsync();
        var live = await Api.GetAsync("/v2/metrics/webinars", token);
        var first = await Api.GetAsync($"/v2/metrics/webinars?type=past&from={DaysAgo(10)}&to={Today}&page_size=2", token);
        var second = await Api.GetAsync($"/v2/metrics/webinars?type=past&from={DaysAgo(10)}&to={Today}&page_size=2&next_page_token={Uri.EscapeDataString(first.Json!["next_page_token"]!.GetValue<string>())}", token);

        Assert.Equal(81234567891, Assert.Single(live.Json!["webinars"]!.AsArray())!["id"]!.GetValue<long>());
        Assert.Equal("", live.Json["webinars"]![0]!["end_time"]!.GetValue<string>());
        Assert.Equal(2, first.Json["webinars"]!.AsArray().Count);
        Assert.NotEmpty(second.Json!["webinars"]!.AsArray());
        Assert.Empty(first.Json["webinars"]!.AsArray().Select(w => w!["uuid"]!.GetValue<string>())
            .Intersect(second.Json["webinars"]!.AsArray().Select(w => w!["uuid"]!.GetValue<string>())));
    }

    [SkippableTheory]
    [InlineData("type=past", "from")]
    [InlineData("type=past&from=2026-13-01&to=2026-11-26", "from")]
    [InlineData("type=past&from=RANGE_START", "to")]
    [InlineData("type=past&from=RANGE_START&to=RANGE_TOO_LONG", "to")]
    [InlineData("type=past&from=SEVEN_MONTHS_AGO&to=SIX_MONTHS_AGO", "from")]
    [InlineData("type=pastOne", "type")]
    [InlineData("page_size=301", "page_size")]
    public async Task Bad_ranges_and_parameters_are_validation_failures(string query, string field)
    {
        var now = demo.Time.GetUtcNow();
        query = query
            .Replace("RANGE_START", DaysAgo(40), StringComparison.Ordinal)
            .Replace("RANGE_TOO_LONG", DaysAgo(2), StringComparison.Ordinal)
            .Replace("SEVEN_MONTHS_AGO", now.AddMonths(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("SIX_MONTHS_AGO", now.AddMonths(-6).AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var answer = await Api.GetAsync("/v2/metrics/webinars?" + query, await Api.TokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(300, answer.Code);
        Assert.Equal(field, answer.Json!["errors"]![0]!["field"]!.GetValue<string>());
    }
}

[Collection(SharedDemoServer.Name)]
public sealed class WebinarListConformanceOnSqlite(DemoServer demo) : WebinarListConformanceTests(demo);

[Collection(SharedPostgresDemoServer.Name)]
public sealed class WebinarListConformanceOnPostgres(PostgresDemoServer demo) : WebinarListConformanceTests(demo);
