using Microsoft.Playwright;
using ZoomQos.TestSupport;
using static ZoomQos.Cli.Tests.DashboardBrowser;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// The dashboard's pages across webinars, in Debian's Chromium against <c>zoomqos serve --seed demo</c>: a recurring
/// webinar's trend, the account's trends, the participant search and a participant's history; and the privacy-blanked
/// account, which has nobody to look up. Without Chromium the test is skipped, except under CI=true, where it fails.
/// </summary>
public sealed class DashboardTrendsBrowserTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [SkippableFact]
    public async Task Trends_and_a_participants_history_span_webinars_and_the_blanked_account_has_no_one_to_find()
    {
        var executable = Executable();
        var clock = DemoServers.NewClock();
        await using var server = await SyncingServer.StartAsync(new Dictionary<string, string>(), "sqlite:" + _cli.PathOf("trends.db"), clock, ["--seed", "demo"], sync: false);
        var site = server.Site;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
        var errors = new List<string>();
        var (_, page) = await NewPageAsync(browser, errors);
        await page.GotoAsync(new Uri(site, "signin").AbsoluteUri);
        await SignInAsync(page, "demo@example.com", "demo-password");

        // The all-hands' trend: its three instances, oldest first, the latest naming the presenter's uplink.
        await OpenAsync(page, site, "trends/81234567890");
        var starts = await page.Locator("#instances tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(3, starts.Count);
        Assert.Equal([.. starts.Order(StringComparer.Ordinal)], starts);
        Assert.Contains("Frances Ritchie", await page.Locator("#instances tbody tr").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Radia Perlman", await page.Locator("#recurring tbody").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "dashboard-webinar-trend.png");
        await AssertAccessibleAsync(page);

        // The account: the regular on weak Wi-Fi is poor again and again; every dimension has its groups.
        await OpenAsync(page, site, "trends");
        var repeat = page.Locator("#repeat tbody tr", new PageLocatorOptions { HasText = "Radia Perlman" });
        Assert.Equal(1, await repeat.CountAsync());
        Assert.Equal(6, await page.Locator("#breakdowns section").CountAsync());
        Assert.Contains("Wifi", await page.Locator("#breakdowns").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "dashboard-trends.png");
        await AssertAccessibleAsync(page);

        // The search finds an attendee (the regular first: in the most instances); their history spans several webinars.
        await OpenAsync(page, site, "participants?q=Vint%20Cerf");
        var found = page.Locator("#people tbody tr").First;
        Assert.Contains("vint.cerf@example.com", await found.InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await found.Locator("a").ClickAsync();
        await page.WaitForFunctionAsync("() => window.zoomqosReady === true");
        Assert.Equal("/participants/vint.cerf%40example.com", new Uri(page.Url).AbsolutePath);
        var webinars = (await page.Locator("#sessions tbody tr td:nth-child(3)").AllInnerTextsAsync()).Distinct().ToList();
        Assert.True(webinars.Count >= 2, string.Join(", ", webinars));
        Assert.Contains("81234567890", webinars);
        await ShotAsync(page, "dashboard-participant.png");
        await AssertAccessibleAsync(page);

        // A phone's width: nothing wider than the screen but the tables, which scroll inside their own box.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "trends", "trends/81234567890", "participants?q=Vint%20Cerf", "participants/vint.cerf%40example.com" })
        {
            await OpenAsync(page, site, path);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, path + " is wider than 390 px");
        }

        // The privacy-blanked account: no names in its trends, and no one to search for.
        var (_, hipaa) = await NewPageAsync(browser, errors);
        await hipaa.GotoAsync(new Uri(site, "signin").AbsoluteUri);
        await SignInAsync(hipaa, "hipaa@example.com", "demo-password");
        await OpenAsync(hipaa, site, "trends");
        Assert.Equal(1, await hipaa.Locator("#instances tbody tr").CountAsync());
        Assert.DoesNotContain("@example.com", await hipaa.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await OpenAsync(hipaa, site, "participants?q=ra");
        Assert.Contains("blanked", await hipaa.Locator("#blanked").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await hipaa.Locator("#people").CountAsync());
        await AssertAccessibleAsync(hipaa);
        var api = await hipaa.APIRequest.GetAsync(new Uri(site, "dashboard/api/participants?q=ra").AbsoluteUri);
        Assert.Equal(404, api.Status);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task OpenAsync(IPage page, Uri site, string path)
    {
        await page.GotoAsync(new Uri(site, path).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.zoomqosReady === true");
    }
}
