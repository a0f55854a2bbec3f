using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;

namespace ZoomQos.TestSupport;

/// <summary>
/// <c>serve</c> in-process as every test suite starts it: on a free loopback port, over the given store and clock
/// (a fake one in tests), rate limits off unless asked for, logging warnings only.
/// </summary>
public static class DemoServers
{
    /// <summary>
    /// The real now when the test process first asked: the fixtures' fake clocks start here, so the demo stores the
    /// process seeds are one data set, copied from one template (<see cref="DemoStoreTemplates"/>).
    /// </summary>
    public static DateTimeOffset ProcessStart { get; } = DateTimeOffset.UtcNow;

    /// <summary>A fake clock at <see cref="ProcessStart"/>.</summary>
    public static FakeTimeProvider NewClock() => new(ProcessStart);

    /// <summary>Starts a server; <paramref name="configure"/> changes any option (seeding, limits, faults, …).</summary>
    public static async Task<ZoomQosServer> StartAsync(string store, TimeProvider time, Func<ServerOptions, ServerOptions>? configure = null, ILoggerProvider? log = null)
    {
        var options = new ServerOptions { Urls = "http://127.0.0.1:0", Store = store, RateLimits = false, TimeProvider = time };
        options = configure is null ? options : configure(options);
        if (options.SeedDemo)
        {
            await PrepareSeededStoreAsync(options.Store, options.TimeProvider.GetUtcNow());
        }

        return await ZoomQosServer.StartAsync(options, logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (log is not null)
            {
                logging.AddProvider(log);
            }
        });
    }

    /// <summary>
    /// Before a server seeds the demo into <paramref name="store"/> at <paramref name="now"/>: a SQLite file that does
    /// not exist yet starts as the process's seeded copy (<see cref="DemoStoreTemplates"/>); any other store is left to the server.
    /// </summary>
    public static async Task PrepareSeededStoreAsync(string store, DateTimeOffset now)
    {
        if (store.StartsWith("sqlite:", StringComparison.Ordinal) && store["sqlite:".Length..] is var path && !File.Exists(path))
        {
            await DemoStoreTemplates.CopyToAsync(path, now);
        }
    }
}
