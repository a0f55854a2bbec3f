using System.Net;
using System.Text.RegularExpressions;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

public sealed partial class ServeCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-cli-tests-" + Guid.NewGuid().ToString("N"));

    public ServeCommandTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Serve_binds_loopback_on_a_free_port_answers_and_stops_gracefully_on_sigterm()
    {
        using var serve = ZoomqosProcess.Start("serve", "--urls", "http://127.0.0.1:0", "--store", "sqlite:" + Path.Combine(_directory, "s.db"), "--seed", "demo", "--no-rate-limit");
        var stderr = await serve.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90));
        var address = new Uri(Listening().Match(stderr).Groups[1].Value);
        using var http = new HttpClient { BaseAddress = address };

        var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative));
        serve.Signal("TERM");
        var exit = await serve.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.True(exit == 0, $"exit {exit}; stderr:\n{serve.Stderr}");
        Assert.True(serve.Stdout.Length == 0, "stdout: " + serve.Stdout);
        Assert.DoesNotContain("demo-client-secret", serve.Stderr.Replace("demo-client-id / demo-client-secret", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--faults", "418:5", "Unknown fault kind")]
    [InlineData("--store", "nosuch:x", "must start with sqlite:")]
    [InlineData("--retention-months", "-1", "--retention-months")]
    [InlineData("--signing-key", "short", "--signing-key")]
    [InlineData("--seed", "other", "other")]
    [InlineData("--retry-after", "soon", "soon")]
    public async Task Bad_options_are_usage_errors_with_exit_code_2(string option, string value, string message)
    {
        string[] store = option == "--store" ? [] : ["--store", "sqlite:" + Path.Combine(_directory, "u.db")];
        var (code, stdout, stderr) = await ZoomqosProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0", .. store, option, value]);

        Assert.True(code == 2, $"exit {code}; stderr:\n{stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.True(stdout.Length == 0, "stdout: " + stdout);
    }

    [Fact]
    public async Task Help_shows_an_example()
    {
        var (code, stdout, _) = await ZoomqosProcess.RunAsync("serve", "--help");

        Assert.Equal(0, code);
        Assert.Contains("zoomqos serve --urls http://127.0.0.1:8080 --store sqlite:zoomqos.db --seed demo", stdout, StringComparison.Ordinal);
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

    [GeneratedRegex(@"zoomqos serve: listening on (http://[^ ]+/)")]
    private static partial Regex Listening();
}
