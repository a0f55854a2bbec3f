using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ZoomQos.Server.Auth;
using ZoomQos.Server.Demo;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Faults;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.Ingestion;
using ZoomQos.Server.Qos;
using ZoomQos.Server.RateLimiting;
using ZoomQos.Server.Telemetry;
using ZoomQos.Server.Webhooks;
using ZoomQos.Server.Webinars;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.Server;

/// <summary>
/// ZoomQos.Server is a faithful, stateful implementation of Zoom's webinar QoS API on a store: Server-to-Server
/// OAuth, scopes, signed keyset page tokens, the whole error table, rate limits by plan, privacy blanking and
/// retention; plus an ingestion API, fault injection for testing clients, health endpoints and an OpenAPI
/// document. It binds loopback unless told otherwise. <see cref="StartAsync"/> runs it in-process (the CLI's
/// <c>serve</c> and <c>demo</c>, and the tests, over real HTTP).
/// </summary>
public sealed class ZoomQosServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IQosStore _store;

    private ZoomQosServer(WebApplication app, IQosStore store, Uri baseAddress)
    {
        _app = app;
        _store = store;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Zoom API base URL of this server (<c>…/v2</c>).</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "v2");

    /// <summary>The OAuth token URL of this server.</summary>
    public Uri TokenAddress => new(BaseAddress, "oauth/token");

    /// <summary>Opens and migrates the store, seeds the demo data set when asked, and starts listening.</summary>
    /// <param name="options">What to serve and how.</param>
    /// <param name="configureLogging">Logging set-up; console by default.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ZoomQosServer> StartAsync(ServerOptions options, Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPagesInFlight, 1, nameof(options.MaxPagesInFlight));
        var store = QosStores.Open(options.Store);
        try
        {
            return await StartOnStoreAsync(options, store, configureLogging, cancellationToken);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The host's services, for tests that look inside.</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>Waits until the host is asked to stop (SIGTERM, Ctrl+C) and has stopped.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops gracefully and releases the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static async Task<ZoomQosServer> StartOnStoreAsync(ServerOptions options, IQosStore store, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var signingKey = options.SigningKey.Length >= 16 ? options.SigningKey : RandomNumberGenerator.GetBytes(32);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = RequestLimits.KestrelLimit; // RequestLimits answers first, with Zoom's body
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLimits.KestrelLimit;
            kestrel.ConfigureEndpointDefaults(listen => listen.UseZoomBodiedRejections()); // Kestrel's own 4xx get Zoom's body
        });
        builder.Logging.ClearProviders();
        // A failure to start reaches the caller as the exception StartAsync throws (serve prints it in one line); the
        // host's own log of it, a stack trace, would say it twice. Once started, the host logs as usual.
        var starting = new StrongBox<bool>(true);
        builder.Logging.AddFilter((category, _) => !(starting.Value && category == "Microsoft.Extensions.Hosting.Internal.Host"));
        if (configureLogging is null)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace); // stdout stays for machines
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
        else
        {
            configureLogging(builder.Logging);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(store);
        services.AddSingleton(new AccessTokens(signingKey, options.TimeProvider));
        services.AddSingleton(new PageTokens(signingKey, options.TimeProvider));
        services.AddSingleton<AppAuthenticator>();
        if (options.Redis is { Length: > 0 } redis)
        {
            var multiplexer = await ConnectRedisAsync(redis);
            services.AddSingleton<IConnectionMultiplexer>(multiplexer);
            services.AddSingleton<IAccountRateLimiter>(new RedisAccountRateLimiter(multiplexer, options.TimeProvider));
        }
        else
        {
            services.AddSingleton<IAccountRateLimiter>(new AccountRateLimiter(options.TimeProvider));
        }

        services.AddSingleton<ZoomGate>();
        services.AddSingleton<InstanceRules>();
        services.AddSingleton(new PageSlots(options.MaxPagesInFlight));
        services.AddSingleton(_ => new PageCache(options.PageCacheBytes, options.PageCacheFolder)); // made by the container, so disposed with it: its folder goes
        services.AddHostedService<NativeMemoryTrim>();
        services.AddOpenApi();
        services.AddServerTelemetry(options);
        services.AddSingleton<QssReceiver>();
        options.ConfigureServices?.Invoke(services);

        DemoDataSet? demo = null;
        if (options.SeedDemo)
        {
            demo = DemoDataSet.Create(options.TimeProvider.GetUtcNow());
            services.AddSingleton(demo);
            services.AddSingleton<DemoClock>();
            services.AddHostedService<LiveDemoFeed>();
            if (options.WebhookUrl is not null && !string.IsNullOrEmpty(options.WebhookSecretToken))
            {
                services.AddSingleton<WebhookDelivery>();
                services.AddHostedService(provider => provider.GetRequiredService<WebhookDelivery>());
                services.AddSingleton<IHealthSection>(provider => provider.GetRequiredService<WebhookDelivery>());
                services.AddHostedService<DemoWebhookSender>();
            }
        }

        var app = builder.Build();
        if (demo is not null)
        {
            await DemoSeeder.SeedAsync(store, demo, demo.ReferenceTime, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZoomQos.Server.Demo"), cancellationToken);
        }

        app.UseMiddleware<TrackingAndLogging>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnhandledAsync });
        app.UseStatusCodePages(context => WriteBareStatusAsync(context.HttpContext));
        app.UseMiddleware<RequestLimits>();

        // Nothing but the token endpoint and the health checks answers without a valid token: the OpenAPI
        // document included.
        var accessTokens = app.Services.GetRequiredService<AccessTokens>();
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
                && accessTokens.Check(http.Request.Headers.Authorization.Count == 1 ? http.Request.Headers.Authorization[0] : null).Claims is null)
            {
                await ZoomErrors.InvalidToken().ExecuteAsync(http);
                return;
            }

            await next(http);
        });
        app.UseMiddleware<FaultInjection>();
        app.MapServerMetrics(options);
        options.ConfigureApp?.Invoke(app);

        app.MapOAuth();
        app.MapQos();
        app.MapQosSummaries();
        app.MapInstanceLists();
        app.MapIngestion();
        app.MapWebhooks();
        app.MapGet("/health", HealthAsync).WithTags("Health").ExcludeFromDescription();
        app.MapGet("/alive", () => TypedResults.Text("alive")).WithTags("Health").ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");

        await app.StartAsync(cancellationToken);
        starting.Value = false;
        var address = app.Urls.First();
        return new ZoomQosServer(app, store, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    private static async Task<IConnectionMultiplexer> ConnectRedisAsync(string configuration)
    {
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 5_000;
            return await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (Exception ex) when (ex is RedisConnectionException or ArgumentException)
        {
            // The configuration is not echoed: it may hold a password.
            throw new InvalidOperationException("Cannot connect to Redis for the shared rate limits: " + ex.Message.Split(';')[0] + ". Check --redis.", ex);
        }
    }

    private static async Task<IResult> HealthAsync(IQosStore store, IEnumerable<IHealthSection> sections, HttpContext http)
    {
        var healthy = true;
        try
        {
            await store.GetAccountAsync("health-check", http.RequestAborted);
        }
        catch (QosStoreException)
        {
            healthy = false;
        }

        var body = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var json = new System.Text.Json.Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("status", healthy ? "Healthy" : "Unhealthy");
            foreach (var section in sections)
            {
                json.WritePropertyName(section.Name);
                section.Write(json);
            }

            json.WriteEndObject();
        }

        return TypedResults.Text(System.Text.Encoding.UTF8.GetString(body.WrittenSpan), "application/json", statusCode: healthy ? 200 : 503);
    }

    private static Task WriteUnhandledAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        return error is BadHttpRequestException bad
            ? ZoomErrors.Write(bad.StatusCode, bad.StatusCode, "The request could not be read.").ExecuteAsync(http)
            : ZoomErrors.Write(500, 500, "Internal server error.").ExecuteAsync(http);
    }

    private static Task WriteBareStatusAsync(HttpContext http) => http.Response.StatusCode switch
    {
        405 => ZoomErrors.MethodNotAllowed().ExecuteAsync(http),
        404 => ZoomErrors.RouteNotFound().ExecuteAsync(http),
        var status => ZoomErrors.Write(status, status, "The request could not be served.").ExecuteAsync(http),
    };
}
