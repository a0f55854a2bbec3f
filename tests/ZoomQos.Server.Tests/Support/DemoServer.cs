using Microsoft.Extensions.Time.Testing;
using ZoomQos.Server.Hosting;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests.Support;

/// <summary>
/// <c>serve --seed demo</c> in-process on a free loopback port over a temporary SQLite file, with a fake clock
/// starting at the real now. Rate limits are off here (walks would trip them); <see cref="StartAnotherAsync"/>
/// starts more servers on the same, already seeded, store, each stopped (its connections closed) when its test ends.
/// </summary>
public class DemoServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-server-tests-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = DemoServers.NewClock();

    public ZoomQosServer Server { get; private set; } = null!;

    public ZoomApi Api { get; private set; } = null!;

    public string StorePath => Path.Combine(_directory, "demo.db");

    /// <summary>The store every server of this fixture uses.</summary>
    public string Store { get; private set; } = null!;

    /// <summary>Why this fixture has no server (its database is missing); the tests then skip.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        (Store, SkipReason) = await CreateStoreAsync();
        if (SkipReason is not null)
        {
            return;
        }

        Server = await DemoServers.StartAsync(Store, Time, o => o with { SeedDemo = true });
        Api = new ZoomApi(Server.BaseAddress);
    }

    /// <summary>Skips the calling test when the fixture has no server (fails it under CI=true).</summary>
    public DemoServer RequireAvailable()
    {
        PostgresSkip.Unless(SkipReason);
        return this;
    }

    /// <summary>The store to serve: a temporary SQLite file here.</summary>
    protected virtual Task<(string Store, string? SkipReason)> CreateStoreAsync() => Task.FromResult<(string, string?)>(("sqlite:" + StorePath, null));

    /// <summary>Removes the store.</summary>
    protected virtual Task DropStoreAsync() => Task.CompletedTask;

    /// <summary>Another server on the same store (not seeded again), with other options; dispose the answer to stop it.</summary>
    public async Task<ZoomApi> StartAnotherAsync(Func<ServerOptions, ServerOptions> configure)
    {
        var server = await DemoServers.StartAsync(Store, Time, o => configure(o with { RateLimits = true }));
        return new ZoomApi(server.BaseAddress, server);
    }

    public async Task DisposeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Api.Dispose();

        await Server.DisposeAsync();
        await DropStoreAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
