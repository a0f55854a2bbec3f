using System.Collections.Concurrent;
using System.Diagnostics;

namespace ZoomQos.TestSupport;

/// <summary>
/// A webhook receiver built with Zoom's Node SDK (<c>rivet-walk.cjs receive PORT</c>: Rivet's own HttpReceiver at
/// <c>/zoom/events</c>, verifying each event over its re-serialization of the body with the secret token): every event it
/// accepts is a line in <see cref="Events"/>. Stopped (killed) on dispose. Without node the test skips, except under CI=true.
/// </summary>
public sealed class RivetReceiver : IDisposable
{
    private readonly Process _process;

    private RivetReceiver(Process process, int port)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port}/zoom/events");
    }

    /// <summary>Where it receives.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every event accepted so far, as the JSON Rivet handed its listener.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>Starts one with the secret token and waits until it listens.</summary>
    public static async Task<RivetReceiver> StartAsync(string secretToken)
    {
        var node = RivetPeer.FindNode();
        Assert.False(node is null && Environment.GetEnvironmentVariable("CI") == "true", "CI=true but node is not on PATH: the Rivet peer needs it.");
        Skip.If(node is null, "node is not on PATH — the Rivet peer test needs Node.js.");
        var port = FreePorts.Next();

        var start = new ProcessStartInfo(node!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "rivet", "rivet-walk.cjs"));
        start.ArgumentList.Add("receive");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["ZOOM_WEBHOOK_SECRET_TOKEN"] = secretToken;
        var receiver = new RivetReceiver(Process.Start(start)!, port);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver._process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } data)
            {
                receiver.Events.Enqueue(data);
            }
        };
        receiver._process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        receiver._process.BeginOutputReadLine();
        receiver._process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return receiver;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
