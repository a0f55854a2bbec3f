namespace ZoomQos.Cli.Tests;

/// <summary><c>--sub-account</c>: the CLI reading a sub-account with its master account's credentials.</summary>
public sealed class MasterAccountCommandsTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Fetch_with_the_masters_credentials_and_sub_account_gets_what_the_sub_account_gets_and_no_other_account()
    {
        var master = CliHarness.DemoEnvironment(_cli.Server, "demo-master-client-id", "demo-master-client-secret", "demo-master");
        string[] fetch = ["fetch", "--meeting", "85234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "none"];

        var own = await _cli.RunAsync(fetch);
        var asMaster = await CliHarness.RunAsync([.. fetch, "--sub-account", "demo"], master);
        var withoutSub = await CliHarness.RunAsync(fetch, master);
        var notItsOwn = await CliHarness.RunAsync([.. fetch, "--sub-account", "demo-pro"], master);

        Assert.True(asMaster.ExitCode == 0, asMaster.ToString());
        Assert.Equal(own.Stdout, asMaster.Stdout);
        Assert.Equal(30, asMaster.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1, withoutSub.ExitCode);
        Assert.Contains("4711", withoutSub.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, notItsOwn.ExitCode);
        Assert.Contains("does not belong to this master account", notItsOwn.Stderr, StringComparison.Ordinal);
        Assert.Empty(notItsOwn.Stdout);
    }
}
