namespace ZoomQos.Cli.Tests;

/// <summary>The one place that maps failures to exit codes: nothing unexpected reaches a user as a stack trace.</summary>
/// <remarks>One seeded demo server for the whole class (<see cref="CliHarness"/>); its tests run one at a time and only read it.</remarks>
public sealed class CommandRunnerTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Theory]
    [InlineData("fetch", "81234567890", "--type", "past")]
    [InlineData("report", "81234567890", "--type", "past")]
    [InlineData("watch", "81234567891", "--once")]
    [InlineData("doctor")]
    public async Task An_unexpected_exception_is_one_line_on_stderr_and_exit_1(params string[] args)
    {
        var run = await CliHarness.RunAsync(args, CliHarness.DemoEnvironment(_cli.Server), _ => new BrokenTransport());

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("internal error", StringComparison.Ordinal));
        Assert.Equal($"zoomqos {args[0]}: internal error: InvalidOperationException: the transport broke; run with --verbose for details.", line);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_verbose_the_unexpected_exception_is_printed_in_full_after_the_line()
    {
        var run = await CliHarness.RunAsync(["fetch", "81234567890", "--type", "past", "--verbose"], CliHarness.DemoEnvironment(_cli.Server), _ => new BrokenTransport());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("zoomqos fetch: internal error: InvalidOperationException: the transport broke; run with --verbose for details.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: the transport broke", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_command_without_verbose_names_the_variable_that_prints_the_failure_in_full(bool variableSet)
    {
        var store = "sqlite:" + _cli.PathOf("runner.db");
        Assert.Equal(0, (await _cli.RunAsync("simulate", "--store", store, "--participants", "5", "--minutes", "3")).ExitCode);
        var stderr = new StringWriter();
        var context = new CliContext
        {
            Out = TextWriter.Null,
            Error = stderr,
            OpenStandardOutput = () => Stream.Null,
            GetEnvironmentVariable = name => variableSet && name == "ZOOMQOS_VERBOSE" ? "1" : null,
            ReadPassword = _ => throw new InvalidOperationException("the terminal broke"),
        };

        var code = await ZoomQosCli.RunAsync(["users", "add", "--store", store, "--account", "demo", "--email", "ada@example.com"], context, default);

        Assert.Equal(1, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("zoomqos users add: internal error: InvalidOperationException: the terminal broke; set ZOOMQOS_VERBOSE=1 for details.", lines[0]);
        Assert.Equal(variableSet, stderr.ToString().Contains("   at ", StringComparison.Ordinal));
        Assert.Equal(variableSet ? 2 : 1, lines.Count(l => !l.StartsWith("   at ", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal)));
    }

    /// <summary>A transport with a bug: it throws what no HTTP handler should.</summary>
    private sealed class BrokenTransport : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the transport broke");
    }
}
