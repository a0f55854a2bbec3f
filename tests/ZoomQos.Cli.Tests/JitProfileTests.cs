using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// Multi-core JIT's profiles: one per command, in the folder <c>ZOOMQOS_JIT_PROFILE</c> names (beside the binaries
/// by default), written by the process as it ends and used by the next run; a folder that cannot be written changes
/// nothing a user sees.
/// </summary>
public sealed class JitProfileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zoomqos-jit-").FullName;

    [Fact]
    public void The_names_known_before_parsing_are_the_root_commands()
    {
        var root = ZoomQosCli.CreateRoot(new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, OpenStandardOutput = () => Stream.Null });

        Assert.Equal(root.Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal), ZoomQosCli.CommandNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fetch.jitprofile", "fetch", "81234567890")]
    [InlineData("apps.jitprofile", "apps", "add")]
    [InlineData("zoomqos.jitprofile", "--version")]
    [InlineData("zoomqos.jitprofile", "fetc")]
    [InlineData("zoomqos.jitprofile", "../../etc/passwd")]
    [InlineData("zoomqos.jitprofile", "Fetch")]
    [InlineData("zoomqos.jitprofile")]
    public void Each_command_has_its_profile_and_anything_else_shares_one(string expected, params string[] args) =>
        Assert.Equal(expected, JitProfile.NameFor(args));

    [Fact]
    public void The_variable_names_the_folder_or_turns_the_profiles_off()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "jit-profiles"), JitProfile.FolderFor(null));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "jit-profiles"), JitProfile.FolderFor(" "));
        Assert.Null(JitProfile.FolderFor("off"));
        Assert.Null(JitProfile.FolderFor("0"));
        Assert.Equal(_directory, JitProfile.FolderFor(_directory));
    }

    [Fact]
    public async Task A_run_records_its_commands_profile_and_the_next_run_reads_it_with_the_same_output()
    {
        var folder = Path.Combine(_directory, "profiles");
        var environment = new Dictionary<string, string> { [JitProfile.Variable] = folder };

        var first = await ZoomqosProcess.RunAsync(environment, "fetch", "--help");
        var profile = new FileInfo(Path.Combine(folder, "fetch.jitprofile"));
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(profile is { Exists: true, Length: > 0 }, "no profile after the first run");

        var second = await ZoomqosProcess.RunAsync(environment, "fetch", "--help");
        Assert.Equal((0, first.Stdout, first.Stderr), (second.ExitCode, second.Stdout, second.Stderr));
        Assert.Equal(["fetch.jitprofile"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("/proc/zoomqos-cannot-be-made")]
    [InlineData("off")]
    public async Task A_folder_that_cannot_be_written_or_off_changes_nothing_the_user_sees(string setting)
    {
        var plain = await ZoomqosProcess.RunAsync(new Dictionary<string, string> { [JitProfile.Variable] = Path.Combine(_directory, "plain") }, "doctor", "--help");
        var run = await ZoomqosProcess.RunAsync(new Dictionary<string, string> { [JitProfile.Variable] = setting }, "doctor", "--help");

        Assert.Equal((0, plain.Stdout, plain.Stderr), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.False(Directory.Exists(setting));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
