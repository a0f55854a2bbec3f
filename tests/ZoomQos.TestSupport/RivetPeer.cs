using System.Diagnostics;

namespace ZoomQos.TestSupport;

/// <summary>
/// Zoom's own Node SDK, <c>@zoom/rivet</c>, walking a webinar's participant QoS (<c>Peers/rivet/walk.mjs</c>, bundled
/// with its pinned dependencies into <c>rivet-walk.cjs</c> by <c>Peers/rivet/update.sh</c>), run with Node: what a
/// Zoom developer's code gets from a ZoomQos server. Without <c>node</c> the test that needs it skips, except under
/// <c>CI=true</c>, where it fails.
/// </summary>
public static class RivetPeer
{
    /// <summary>Every participant the SDK's walk returned, one NDJSON line each, and what it said on stderr.</summary>
    /// <param name="apiBase">The server's API base (ending in <c>/v2</c>).</param>
    /// <param name="tokenUrl">Its OAuth token URL.</param>
    /// <param name="account">The account ID.</param>
    /// <param name="clientId">The client ID.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="webinarId">The webinar (or meeting) ID or UUID.</param>
    /// <param name="meeting">Walk the meeting route (<c>listMeetingParticipantsQoS</c>) instead of the webinar one.</param>
    /// <param name="type">past or live.</param>
    public static async Task<(int ExitCode, string Ndjson, string Stderr)> WalkAsync(Uri apiBase, Uri tokenUrl, string account, string clientId, string clientSecret, string webinarId, bool meeting = false, string type = "past")
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        ArgumentNullException.ThrowIfNull(tokenUrl);
        var node = FindNode();
        Assert.False(node is null && Environment.GetEnvironmentVariable("CI") == "true", "CI=true but node is not on PATH: the Rivet peer needs it.");
        Skip.If(node is null, "node is not on PATH — the Rivet peer test needs Node.js.");
        var start = new ProcessStartInfo(node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "rivet", "rivet-walk.cjs"));
        start.ArgumentList.Add(webinarId);
        start.ArgumentList.Add(type);
        start.ArgumentList.Add(meeting ? "meeting" : "webinar");
        start.Environment["ZOOMQOS_BASE_URL"] = apiBase.AbsoluteUri.TrimEnd('/');
        start.Environment["ZOOMQOS_TOKEN_URL"] = tokenUrl.AbsoluteUri;
        start.Environment["ZOOM_ACCOUNT_ID"] = account;
        start.Environment["ZOOM_CLIENT_ID"] = clientId;
        start.Environment["ZOOM_CLIENT_SECRET"] = clientSecret;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Node on PATH, or <see langword="null"/>.</summary>
    public static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);
}
