using System.Runtime;

namespace ZoomQos.Cli;

/// <summary>
/// Multi-core JIT for the process (<see cref="ProfileOptimization"/>): each command records the methods its run
/// compiled into a profile of its own, and the next run of that command compiles them on a spare core while the
/// main thread starts, instead of stopping for each one. A command's start is mostly JIT work (its parser, the HTTP
/// stack, the walk's first pages), so this is where a short process spends its first half second (decision 0028).
/// The runtime ignores a profile that is corrupt or recorded by other builds of the assemblies, and carries on
/// without one where the folder cannot be written.
/// </summary>
internal static class JitProfile
{
    /// <summary>Names the profiles' folder, or turns them off with <c>off</c>; the folder beside the binaries by default.</summary>
    public const string Variable = "ZOOMQOS_JIT_PROFILE";

    /// <summary>Plays and records the profile of the command in <paramref name="args"/>, unless the variable turns it off.</summary>
    public static void Start(string[] args, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (FolderFor(getEnvironmentVariable(Variable)) is not { } folder)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return; // a read-only install runs as it would without the profile
        }

        var file = NameFor(args);
        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(file);
    }

    /// <summary>The folder the variable names: beside the binaries when unset, none when <c>off</c> (or <c>0</c>).</summary>
    public static string? FolderFor(string? setting) => setting?.Trim() switch
    {
        null or "" => Path.Combine(AppContext.BaseDirectory, "jit-profiles"),
        "off" or "0" => null,
        var folder => Path.GetFullPath(folder),
    };

    /// <summary>
    /// One profile per command (<c>fetch.jitprofile</c>); anything else that starts a command line (an option, a typo)
    /// shares <c>zoomqos.jitprofile</c>. The names are known before the command line is parsed, since building the parser
    /// is itself a good part of what the profile compiles ahead.
    /// </summary>
    public static string NameFor(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args is [var first, ..] && ZoomQosCli.CommandNames.Contains(first) ? first : "zoomqos";
        return command + ".jitprofile";
    }
}
