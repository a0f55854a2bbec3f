using Microsoft.Extensions.Logging;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Benchmarks.Peers;

/// <summary>An in-process <c>serve --seed demo</c> over a SQLite file in the run's folder, and the environment that points a client process at it.</summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private PeerServer(ZoomQosServer server) => Server = server;

    public ZoomQosServer Server { get; }

    /// <summary>The demo app's credentials and the server's addresses, as every client command reads them.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ZOOMQOS_BASE_URL"] = Server.ApiBaseAddress.AbsoluteUri,
        ["ZOOMQOS_TOKEN_URL"] = Server.TokenAddress.AbsoluteUri,
        ["ZOOM_ACCOUNT_ID"] = "demo",
        ["ZOOM_CLIENT_ID"] = "demo-client-id",
        ["ZOOM_CLIENT_SECRET"] = "demo-client-secret",
    };

    public static async Task<PeerServer> StartAsync(DirectoryInfo directory, string name, bool rateLimits) =>
        new(await ZoomQosServer.StartAsync(
            new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + Path.Combine(directory.FullName, name + ".db"), SeedDemo = true, RateLimits = rateLimits },
            logging => logging.SetMinimumLevel(LogLevel.Warning)));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
