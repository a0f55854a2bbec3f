using System.Text.Json.Nodes;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>B: <c>zoomqos serve --sync</c> in-process on a free loopback port, pointed at A with the demo credentials.</summary>
internal sealed class SyncingServer : IAsyncDisposable
{
    /// <summary>How long a sync test waits for work to be done: a bound, not a measured figure.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly CancellationTokenSource _stop;
    private readonly Task<CliRun> _run;
    private readonly HttpClient _http;

    private SyncingServer(CancellationTokenSource stop, Task<CliRun> run, Uri address)
    {
        _stop = stop;
        _run = run;
        _http = new HttpClient { BaseAddress = address };
    }

    public static Task<SyncingServer> StartAsync(CliHarness cli, string store, TimeProvider clock) =>
        StartAsync(CliHarness.DemoEnvironment(cli.Server), store, clock, ["--rate-plan", "none"]);

    public static async Task<SyncingServer> StartAsync(IReadOnlyDictionary<string, string> zoom, string store, TimeProvider clock, string[] extra, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null, bool sync = true)
    {
        await Task.Yield();
        if (extra.AsSpan().IndexOf("--seed") is var seed and >= 0 && seed + 1 < extra.Length && extra[seed + 1] == "demo")
        {
            await DemoServers.PrepareSeededStoreAsync(store, clock.GetUtcNow());
        }

        var port = FreePorts.Next();
#pragma warning disable CA2000 // owned by the server, disposed with it
        var stop = new CancellationTokenSource();
#pragma warning restore CA2000
        var run = CliHarness.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--store", store, .. (sync ? (string[])["--sync"] : []), "--no-rate-limit", .. extra],
            zoom,
            wrap,
            time: clock,
            cancellationToken: stop.Token);
        var server = new SyncingServer(stop, run, new Uri($"http://127.0.0.1:{port}/"));
        await server.WaitForAliveAsync();
        return server;
    }

    public async Task<JsonNode> WaitForHealthAsync(Func<JsonNode, bool> ready, Action? between = null, string section = "sync")
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            if (_run.IsCompleted)
            {
                throw new InvalidOperationException("serve --sync ended: " + await _run);
            }

            try
            {
                var sync = JsonNode.Parse(await _http.GetStringAsync(new Uri("/health", UriKind.Relative), deadline.Token))![section];
                if (sync is not null && ready(sync))
                {
                    return sync;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            between?.Invoke();
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>The server's Prometheus scrape, <c>/metrics</c>.</summary>
    public Task<string> ScrapeAsync() => _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    /// <summary>The server's root.</summary>
    public Uri Site => _http.BaseAddress!;

    private async Task WaitForAliveAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            if (_run.IsCompleted)
            {
                throw new InvalidOperationException("serve ended: " + await _run);
            }

            try
            {
                if ((await _http.GetAsync(new Uri("/alive", UriKind.Relative), deadline.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        var run = await _run;
        Assert.True(run.ExitCode == 0, run.ToString());
        _stop.Dispose();
        _http.Dispose();
    }
}
