using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using ZoomQos.Dashboard;
using ZoomQos.Server;
using ZoomQos.Server.Dashboard;
using ZoomQos.Server.Hosting;
using ZoomQos.Storage;
using ZoomQos.Storage.Users;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// The dashboard over the trends bench's archive, served by <c>zoomqos serve</c>'s own server on loopback: the JSON
/// <c>/webinars</c> draws its first page from and <c>/trends</c> over every instance, timed over HTTP with a signed-in
/// session; and in Debian's Chromium, <c>/webinars</c> and an instance's page from navigation to drawn (the table; the
/// charts). Issue 17's figures: 200 ms, 1 s and 2 s at p95.
/// </summary>
internal static class DashboardTimings
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Password = "bench-password";

    public static async Task JudgeAsync(string kind, string storeSpec, IQosStore store, string account, string instanceUuid, long webinarId, Verdict verdict)
    {
        var user = new DashboardUser("bench@example.com", account, DateTimeOffset.UtcNow);
        await store.AddUserAsync(user, DashboardPasswords.Hash(user, Password));
        await using var server = await ZoomQosServer.StartAsync(new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Store = storeSpec,
            RateLimits = false,
            RetentionMonths = 0,
            ConfigureServices = DashboardSetup.AddServices,
            ConfigureApp = DashboardSetup.Map,
        }, logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"  {kind} dashboard: skipped ({Chromium} is not installed)");
            return;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "signin").AbsoluteUri);
        await page.Locator("#email").FillAsync(user.Email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => window.zoomqosReady === true");

        // The same session for a plain HttpClient: what the pages' scripts ask for, without the browser's share of the time.
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "zoomqos.session");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var list = await TimeAsync(40, async () => (await http.GetAsync("dashboard/api/webinars")).EnsureSuccessStatusCode());
        var trends = await TimeAsync(20, async () => (await http.GetAsync("dashboard/api/trends")).EnsureSuccessStatusCode());
        var listPage = await TimeAsync(10, async () =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "webinars").AbsoluteUri);
            await page.WaitForFunctionAsync("() => window.zoomqosReady === true");
        });
        var instanceUrl = new Uri(server.BaseAddress, $"webinars/{webinarId}/instances/{Uri.EscapeDataString(instanceUuid)}").AbsoluteUri;
        var instancePage = await TimeAsync(10, async () =>
        {
            await page.GotoAsync(instanceUrl);
            await page.WaitForFunctionAsync("() => window.zoomqosReportReady === true && Object.keys(Chart.instances).length > 0");
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              {kind} dashboard over HTTP: /dashboard/api/webinars (the /webinars page's data) p50 {list.P50:0} ms, p95 {list.P95:0} ms; /dashboard/api/trends over all p50 {trends.P50:0} ms, p95 {trends.P95:0} ms
              {kind} dashboard in Chromium: /webinars to its table drawn p50 {listPage.P50:0} ms, p95 {listPage.P95:0} ms; an instance's page to its charts drawn p50 {instancePage.P50:0} ms, p95 {instancePage.P95:0} ms
            """));
        verdict.Check(list.P95 <= 200, string.Create(CultureInfo.InvariantCulture, $"{kind}: /dashboard/api/webinars took {list.P95:0} ms at p95, over 200"));
        verdict.Check(trends.P95 <= 1000, string.Create(CultureInfo.InvariantCulture, $"{kind}: /dashboard/api/trends took {trends.P95:0} ms at p95, over 1,000"));
        verdict.Check(instancePage.P95 <= 2000, string.Create(CultureInfo.InvariantCulture, $"{kind}: an instance's page took {instancePage.P95:0} ms at p95 to draw its charts, over 2,000"));
    }

    /// <summary>p50 and p95 of <paramref name="runs"/> timed runs after one to warm up.</summary>
    public static async Task<(double P50, double P95)> TimeAsync(int runs, Func<Task> work)
    {
        await work();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1]);
    }
}
