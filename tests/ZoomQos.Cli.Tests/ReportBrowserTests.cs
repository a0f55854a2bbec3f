using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// The HTML report that <c>zoomqos demo</c> writes, opened in a real browser: Debian's Chromium (installed by
/// .ci/run) driven by Playwright. It finds every chart drawn, sorts and filters the table, sees no console error
/// and saves a screenshot. Without Chromium the test is skipped with the reason, except under CI=true, where
/// that is a failure.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [SkippableFact]
    public async Task The_demo_report_renders_its_charts_sorts_its_table_and_logs_no_error_in_chromium()
    {
        var executable = Environment.GetEnvironmentVariable("ZOOMQOS_CHROMIUM") ?? Chromium;
        if (!File.Exists(executable))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI=true but {executable} is missing: .ci/run must install Debian's chromium.");
            Skip.If(true, $"{executable} is not installed (apt-get install chromium) — the browser test needs it.");
        }

        var report = _cli.PathOf("zoomqos-report.html");
        var demo = await CliHarness.RunAsync(["demo", "--html", report], new Dictionary<string, string>());
        Assert.True(demo.ExitCode == 0, demo.ToString());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(report).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.zoomqosReportReady === true", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // Every chart is a Chart.js instance on a canvas with pixels drawn.
        var charts = await page.EvaluateAsync<int>("() => Object.keys(Chart.instances).length");
        var painted = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll("canvas")].filter(c => {
              const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
              for (let i = 3; i < d.length; i += 4 * 97) { if (d[i] !== 0) return true; }
              return false;
            }).length
            """);
        var canvases = await page.Locator("canvas").CountAsync();
        Assert.Equal(9, canvases);
        Assert.Equal(canvases, charts);
        Assert.Equal(canvases, painted);

        // The verdict and the top cause come first.
        Assert.Equal("Degraded", await page.Locator("#summary .verdict").InnerTextAsync());
        Assert.Contains("uplink", await page.Locator("#causes .cause h3").First.InnerTextAsync(), StringComparison.Ordinal);

        // Sort by name (ascending), then filter.
        var rows = page.Locator("#participants tbody tr");
        var total = await rows.CountAsync();
        await page.Locator("#participants th[data-key=name]").ClickAsync();
        var names = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#participants tbody tr td:first-child')].slice(0, 50).map(td => td.textContent)");
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), names);
        Assert.Equal("ascending", await page.Locator("#participants th[data-key=name]").GetAttributeAsync("aria-sort"));
        await page.Locator("#verdict-filter").SelectOptionAsync("Poor");
        var poor = await rows.CountAsync();
        Assert.InRange(poor, 1, total - 1);
        Assert.All(await page.Locator("#participants tbody tr td:nth-child(3)").AllInnerTextsAsync(), v => Assert.Equal("Poor", v));

        await page.Locator("#verdict-filter").SelectOptionAsync(string.Empty);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        output.WriteLine($"{total} participants, {poor} poor, {charts} charts; screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.True(errors.Count == 0, "console errors: " + string.Join("\n", errors));
    }
}
