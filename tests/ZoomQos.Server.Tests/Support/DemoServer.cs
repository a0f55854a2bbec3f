using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Server.Tests.Support;

/// <summary>
/// <c>serve --seed demo</c> in-process on a free loopback port over a temporary SQLite file, with a fake clock
/// starting at the real now. Rate limits are off here (walks would trip them); <see cref="StartAnotherAsync"/>
/// starts more servers on the same, already seeded, store.
/// </summary>
public sealed class DemoServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-server-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<ZoomQosServer> _others = [];

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public ZoomQosServer Server { get; private set; } = null!;

    public ZoomApi Api { get; private set; } = null!;

    public string StorePath => Path.Combine(_directory, "demo.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Server = await ZoomQosServer.StartAsync(
            new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + StorePath, SeedDemo = true, RateLimits = false, TimeProvider = Time },
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        Api = new ZoomApi(Server.BaseAddress);
    }

    /// <summary>Another server on the same store (not seeded again), with other options.</summary>
    public async Task<ZoomApi> StartAnotherAsync(Func<ServerOptions, ServerOptions> configure)
    {
        var server = await ZoomQosServer.StartAsync(
            configure(new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + StorePath, TimeProvider = Time }),
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        _others.Add(server);
        return new ZoomApi(server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
