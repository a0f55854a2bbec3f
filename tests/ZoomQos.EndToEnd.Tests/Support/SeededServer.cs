using Microsoft.Extensions.Time.Testing;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;
using ZoomQos.TestSupport;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>A demo-seeded server on loopback with a fake clock, and more servers on the same store on demand.</summary>
public sealed class SeededServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly List<ZoomQosServer> _servers = [];

    public FakeTimeProvider Time { get; } = DemoServers.NewClock();

    public ZoomQosServer Server => _servers[0];

    public string StorePath => Path.Combine(_directory, "e2e.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartAsync(o => o with { SeedDemo = true });
    }

    public async Task<ZoomQosServer> StartAsync(Func<ServerOptions, ServerOptions> configure)
    {
        var server = await DemoServers.StartAsync("sqlite:" + StorePath, Time, configure);
        _servers.Add(server);
        return server;
    }

    public static ZoomQosClient ClientFor(ZoomQosServer server, TimeSpan? retryDelay = null) => new(
        new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", server.TokenAddress),
        new ZoomQosClientOptions { BaseUri = server.ApiBaseAddress, RetryBaseDelay = retryDelay ?? TimeSpan.FromMilliseconds(20), ApplicationId = "e2e-tests" });

    /// <summary>A client on the servers' fake clock, through <paramref name="transport"/> (see <see cref="FakeClock"/>).</summary>
    public ZoomQosClient ClientOnFakeClock(ZoomQosServer server, HttpMessageHandler transport) => new(
        new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", server.TokenAddress, timeProvider: Time),
        new ZoomQosClientOptions { BaseUri = server.ApiBaseAddress, Transport = transport, TimeProvider = Time, ApplicationId = "e2e-tests" });

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
