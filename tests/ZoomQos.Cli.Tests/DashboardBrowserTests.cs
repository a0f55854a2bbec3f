using Microsoft.Playwright;
using ZoomQos.TestSupport;
using static ZoomQos.Cli.Tests.DashboardBrowser;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// The dashboard of <c>zoomqos serve --seed demo</c> in Debian's Chromium through Playwright, as a person uses it: sign in,
/// the list, an instance's report, a live instance drawing its next minute in place, the privacy-blanked account, another
/// account's instance. The server runs on a fake clock, the page on Playwright's: a "minute" is an advance, not a wait.
/// Without Chromium the test is skipped, except under CI=true, where it fails.
/// </summary>
public sealed class DashboardBrowserTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [SkippableFact]
    public async Task A_signed_in_user_sees_the_list_the_report_the_live_minute_and_only_their_account()
    {
        var executable = DashboardBrowser.Executable();

        var clock = DemoServers.NewClock();
        await using var server = await SyncingServer.StartAsync(new Dictionary<string, string>(), "sqlite:" + _cli.PathOf("dashboard.db"), clock, ["--seed", "demo"], sync: false);
        var site = server.Site;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
        var errors = new List<string>();

        // A wrong password gets the form again and no session.
        var (demo, page) = await NewPageAsync(browser, errors);
        await page.GotoAsync(new Uri(site, "webinars").AbsoluteUri);
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await SignInAsync(page, "demo@example.com", "wrong-password");
        Assert.Contains("Wrong email or password", await page.Locator(".error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await demo.CookiesAsync(), c => c.Name == "zoomqos.session");

        // Signed in: the list, live first (the live meeting started last), the three all-hands, and the meetings beside
        // the webinars, each with its badge.
        await SignInAsync(page, "demo@example.com", "demo-password");
        await page.WaitForFunctionAsync("() => window.zoomqosReady === true");
        var rows = page.Locator("#webinars tbody tr");
        var (first, second) = (rows.Nth(0), rows.Nth(1));
        Assert.Contains("Design review", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Meeting", "Live"], await first.Locator(".badge.meeting, .badge.live").AllInnerTextsAsync());
        Assert.Contains("Live product launch", await second.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["Live"], await second.Locator(".badge.meeting, .badge.live").AllInnerTextsAsync());
        Assert.Equal(3, await page.Locator("#webinars tbody tr", new PageLocatorOptions { HasText = "Quarterly all-hands" }).CountAsync());
        var weekly = page.Locator("#webinars tbody tr", new PageLocatorOptions { HasText = "Weekly engineering sync" });
        Assert.Equal(3, await weekly.CountAsync());
        Assert.Equal("Meeting", await weekly.First.Locator(".badge.meeting").InnerTextAsync());
        Assert.Contains("85234567890", await weekly.First.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "dashboard-webinars.png");
        await AssertAccessibleAsync(page);
        var session = Assert.Single(await demo.CookiesAsync(), c => c.Name == "zoomqos.session");
        Assert.True(session.HttpOnly && session.SameSite == SameSiteAttribute.Strict, $"{session.HttpOnly} {session.SameSite}");

        // The latest all-hands: the report's own script, the presenter's uplink first.
        await page.Locator("#webinars tbody tr", new PageLocatorOptions { HasText = "Quarterly all-hands" }).First.Locator("td.topic a").ClickAsync();
        await page.WaitForFunctionAsync("() => window.zoomqosReportReady === true");
        Assert.Contains("Frances Ritchie", await page.Locator("#causes .cause h3").First.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "dashboard-instance.png");
        Assert.Equal("← All webinars", await page.Locator("header nav a").First.InnerTextAsync());

        // The same page of a smaller instance, for axe (the all-hands' 1,003 table rows only make it slower).
        await page.GotoAsync(new Uri(site, "webinars").AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.zoomqosReady === true");
        await page.Locator("#webinars tbody tr", new PageLocatorOptions { HasText = "Team sync" }).Locator("td.topic a").ClickAsync();
        await page.WaitForFunctionAsync("() => window.zoomqosReportReady === true");
        await AssertAccessibleAsync(page);
        Assert.Equal(await page.Locator("canvas").CountAsync(), await page.EvaluateAsync<int>("() => Object.keys(Chart.instances).length"));

        // The live webinar: its next minute is drawn in place, without a reload.
        await page.Clock.InstallAsync();
        await page.GotoAsync(new Uri(site, "webinars").AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.zoomqosReady === true");
        await first.Locator("td.topic a").ClickAsync();
        await page.WaitForFunctionAsync("() => window.zoomqosReportReady === true");
        var before = await page.Locator("#meta").InnerTextAsync();
        await page.EvaluateAsync("() => { window.zoomqosMarker = 'same page'; }");
        var liveUuid = await LiveUuidAsync(_cli.PathOf("dashboard.db"));
        var samples = await SamplesAsync(_cli.PathOf("dashboard.db"), liveUuid);
        clock.Advance(TimeSpan.FromMinutes(1)); // the demo's live feed writes the next minute
        using (var deadline = new CancellationTokenSource(SyncingServer.Deadline))
        {
            while (await SamplesAsync(_cli.PathOf("dashboard.db"), liveUuid) == samples)
            {
                await Task.Delay(50, deadline.Token); // the feed's merge runs on the server's thread pool
            }
        }
        await page.Clock.RunForAsync(61_000); // the page's minute: it fetches and draws again
        await page.WaitForFunctionAsync("() => (window.zoomqosRefreshes || 0) >= 1");
        Assert.NotEqual(before, await page.Locator("#meta").InnerTextAsync());
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.zoomqosMarker"));
        Assert.Equal(1, await page.Locator("header nav").CountAsync());

        // Another account's instance is not found; the privacy-blanked account sees no names.
        var hipaaUuid = await StoreReading.UuidOfAsync(_cli.PathOf("dashboard.db"), "demo-hipaa", "82234567890");
        var foreign = await page.GotoAsync(new Uri(site, $"webinars/82234567890/instances/{Uri.EscapeDataString(hipaaUuid)}").AbsoluteUri);
        Assert.Equal(404, foreign!.Status);
        var (_, hipaa) = await NewPageAsync(browser, errors);
        await hipaa.GotoAsync(new Uri(site, "signin").AbsoluteUri);
        await SignInAsync(hipaa, "hipaa@example.com", "demo-password");
        await hipaa.WaitForFunctionAsync("() => window.zoomqosReady === true");
        await hipaa.Locator("#webinars tbody tr td.topic a").First.ClickAsync();
        await hipaa.WaitForFunctionAsync("() => window.zoomqosReportReady === true");
        var names = await hipaa.Locator("#participants tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith("(unknown)", n, StringComparison.Ordinal)); // "(unknown) (panelist)" for panelists

        // A phone's width: nothing wider than the screen but the tables, which scroll inside their own box.
        await hipaa.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "webinars", hipaa.Url })
        {
            await hipaa.GotoAsync(new Uri(site, path).AbsoluteUri);
            await hipaa.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await hipaa.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, path + " is wider than 390 px");
        }

        errors.RemoveAll(e => e.Contains("/webinars/82234567890/", StringComparison.Ordinal)); // the 404 asked for above
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<string> LiveUuidAsync(string path)
    {
        await using var store = ZoomQos.Storage.QosStores.Open("sqlite:" + path);
        return (await store.ResolveInstanceAsync("demo", "81234567891", ZoomQos.Contracts.Qos.QosListType.Live))!.Uuid;
    }

    private static async Task<long> SamplesAsync(string path, string uuid) =>
        (await StoreReading.SessionsAsync(path, "demo", uuid)).Values.Sum(s => (long)(s["user_qos"]?.AsArray().Count ?? 0));
}
