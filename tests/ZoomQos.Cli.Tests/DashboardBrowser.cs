using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ZoomQos.Cli.Tests;

/// <summary>What the dashboard's browser tests share: Debian's Chromium, pages that record console errors, sign-in, axe, screenshots.</summary>
internal static class DashboardBrowser
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The Chromium to drive; without it the test is skipped, except under CI=true, where it fails.</summary>
    public static string Executable()
    {
        var executable = Environment.GetEnvironmentVariable("ZOOMQOS_CHROMIUM") ?? Chromium;
        if (!File.Exists(executable))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI=true but {executable} is missing: .ci/run must install Debian's chromium.");
            Skip.If(true, $"{executable} is not installed (apt-get install chromium) — the browser test needs it.");
        }

        return executable;
    }

    /// <summary>axe-core (Deque.AxeCore.Playwright) finds no serious or critical violation on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, page.Url + ":\n" + string.Join("\n", bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    /// <summary>With ZOOMQOS_SCREENSHOTS set to a folder, the pages are saved there (how docs/ gets its pictures).</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ZOOMQOS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
        }
    }

    public static async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(IBrowser browser, List<string> errors)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // A 401 of the wrong password is the page's answer, not an error of the page.
            if (message.Type == "error" && !message.Text.Contains("401", StringComparison.Ordinal))
            {
                errors.Add(page.Url + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(page.Url + ": " + error);
        return (context, page);
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        var posted = await page.RunAndWaitForResponseAsync(() => page.Locator("button[type=submit]").ClickAsync(), r => r.Request.Method == "POST" && r.Url.EndsWith("/signin", StringComparison.Ordinal));
        var next = posted.Status == 302 ? "/webinars" : "/signin";
        await page.WaitForFunctionAsync($"() => location.pathname === '{next}' && document.readyState !== 'loading' && !document.getElementById('password')?.value");
    }
}
