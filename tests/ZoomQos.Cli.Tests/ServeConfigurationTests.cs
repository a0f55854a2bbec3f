using System.Net;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>serve</c>'s settings from <c>--config FILE</c> and <c>ZOOMQOS__…</c> variables beside its flags: the variable wins
/// over the file, the flag over both; a bad value or an unknown key stops it with one line and exit code 2.
/// </summary>
public sealed class ServeConfigurationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-serve-config-" + Guid.NewGuid().ToString("N"));

    public ServeConfigurationTests() => Directory.CreateDirectory(_directory);

    [Theory]
    [InlineData(false, false, "file")]
    [InlineData(true, false, "variable")]
    [InlineData(true, true, "flag")]
    public async Task The_flag_wins_over_the_variable_and_the_variable_over_the_file(bool variable, bool flag, string expected)
    {
        var ports = new Dictionary<string, int> { ["file"] = FreePorts.Next(), ["variable"] = FreePorts.Next(), ["flag"] = FreePorts.Next() };
        var config = Path.Combine(_directory, expected + ".json");
        await File.WriteAllTextAsync(config, $$"""{ "Urls": "http://127.0.0.1:{{ports["file"]}}", "Store": "sqlite:{{Path.Combine(_directory, expected + ".db").Replace("\\", "/", StringComparison.Ordinal)}}", "PageCacheMb": 0, "NoDashboard": true }""");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (variable)
        {
            environment["ZOOMQOS__URLS"] = $"http://127.0.0.1:{ports["variable"]}";
        }

        string[] args = ["serve", "--config", config, .. flag ? (string[])["--urls", $"http://127.0.0.1:{ports["flag"]}"] : []];
        using var stop = new CancellationTokenSource();
        var running = CliHarness.RunAsync(args, environment, cancellationToken: stop.Token);
        using var http = new HttpClient();
        var alive = new Uri($"http://127.0.0.1:{ports[expected]}/alive");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a bound, not a measured figure
        while (!running.IsCompleted && !await AnswersAsync(http, alive, deadline.Token))
        {
            await Task.Delay(50, deadline.Token);
        }

        await stop.CancelAsync();
        var run = await running;

        Assert.True(run.Stderr.Contains($"listening on http://127.0.0.1:{ports[expected]}/", StringComparison.Ordinal), run.ToString());
        Assert.True(run.ExitCode is 0 or 130, run.ToString());
    }

    [Theory]
    [InlineData("ZOOMQOS__PAGECACHEMB", "lots", "setting PageCacheMb")]
    [InlineData("ZOOMQOS__RETRYAFTER", "weekly", "setting RetryAfter")]
    [InlineData("ZOOMQOS__PAGECACHE", "5", "unknown setting 'PAGECACHE'")]
    [InlineData("ZOOMQOS__RETENTIONMONTHS", "-2", "--retention-months must be 0 or more")]
    [InlineData("ZOOMQOS__PAGECACHEDIR", "/no/such/folder", "--page-cache-dir: the folder '/no/such/folder' does not exist")]
    public async Task A_bad_variable_stops_serve_with_one_line_naming_it(string name, string value, string message)
    {
        var run = await CliHarness.RunAsync(["serve", "--store", "sqlite:" + Path.Combine(_directory, "never.db")], new Dictionary<string, string> { [name] = value });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(_directory, "never.db")), "a bad setting changed nothing: no store was made");
    }

    [Theory]
    [InlineData("{ \"Urls\": ", "not valid JSON")]
    [InlineData("{ \"Port\": 8080 }", "unknown setting 'Port'")]
    public async Task A_bad_file_stops_serve_with_one_line(string text, string message)
    {
        var config = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(config, text);

        var run = await CliHarness.RunAsync(["serve", "--config", config], new Dictionary<string, string>());
        var missing = await CliHarness.RunAsync(["serve", "--config", Path.Combine(_directory, "none.json")], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 2 && run.Stderr.Contains(message, StringComparison.Ordinal), run.ToString());
        Assert.True(missing.ExitCode == 2 && missing.Stderr.Contains("no such file", StringComparison.Ordinal), missing.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri alive, CancellationToken cancellationToken)
    {
        try
        {
            return (await http.GetAsync(alive, cancellationToken)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
