using Microsoft.Extensions.Logging;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;

namespace ZoomQos.TestSupport;

/// <summary>
/// <c>serve</c> in-process as every test suite starts it: on a free loopback port, over the given store and clock
/// (a fake one in tests), rate limits off unless asked for, logging warnings only.
/// </summary>
public static class DemoServers
{
    /// <summary>Starts a server; <paramref name="configure"/> changes any option (seeding, limits, faults, …).</summary>
    public static Task<ZoomQosServer> StartAsync(string store, TimeProvider time, Func<ServerOptions, ServerOptions>? configure = null, ILoggerProvider? log = null)
    {
        var options = new ServerOptions { Urls = "http://127.0.0.1:0", Store = store, RateLimits = false, TimeProvider = time };
        return ZoomQosServer.StartAsync(configure is null ? options : configure(options), logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (log is not null)
            {
                logging.AddProvider(log);
            }
        });
    }
}
