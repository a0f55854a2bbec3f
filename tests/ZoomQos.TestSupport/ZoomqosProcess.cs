using System.Diagnostics;
using System.Text;

namespace ZoomQos.TestSupport;

/// <summary>Runs the built <c>zoomqos</c> as a real process, as a user or a script would.</summary>
public sealed class ZoomqosProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ZoomqosProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public int Id => _process.Id;

    public static ZoomqosProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts it with these variables set on top of the test process's environment.</summary>
    public static ZoomqosProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zoomqos.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No JIT profiles unless a test asks for them (JitProfileTests): with the test projects running side by side
        // there is no spare core to compile on, and one test's recording would be replayed into another's process
        // (the process tests of Cli.Tests: 44-46 s without, 47-50 s with).
        start.Environment["ZOOMQOS_JIT_PROFILE"] = "off";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ZoomqosProcess(Process.Start(start)!);
    }

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, process.Stdout, process.Stderr);
    }

    public async Task<string> WaitForStderrAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var stderr = Stderr;
            if (stderr.Contains(text, StringComparison.Ordinal))
            {
                return stderr;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"'{text}' did not appear on stderr. Stderr so far:\n{Stderr}");
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            builder.AppendLine(line);
        }
    }
}
