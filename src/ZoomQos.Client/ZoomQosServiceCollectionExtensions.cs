using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZoomQos.Client.Credentials;
using ZoomQos.Client.Http;

namespace ZoomQos.Client;

/// <summary>Registers <see cref="ZoomQosClient"/> on IHttpClientFactory with the same pipeline the standalone client builds.</summary>
public static class ZoomQosServiceCollectionExtensions
{
    /// <summary>
    /// Adds a typed <see cref="ZoomQosClient"/>: retries (Polly), the rate governor, the bearer token and telemetry,
    /// in the standalone client's order.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="credential">Makes the credential (for example a <see cref="ServerToServerOAuthCredential"/> from configuration).</param>
    /// <param name="configure">Sets the options.</param>
    public static IHttpClientBuilder AddZoomQosClient(this IServiceCollection services, Func<IServiceProvider, ZoomCredential> credential, Action<ZoomQosClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(credential);
        services.AddOptions<ZoomQosClientOptions>().Configure(options => configure?.Invoke(options));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ZoomQosClientOptions>>().Value);
        services.AddSingleton(credential);

        var builder = services.AddHttpClient<ZoomQosClient>((provider, http) => _ = provider);
        builder.AddResilienceHandler("zoomqos", (pipeline, context) =>
            ZoomResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<ZoomQosClientOptions>(), Logger(context.ServiceProvider)));
        builder.AddHttpMessageHandler(provider =>
        {
            var options = provider.GetRequiredService<ZoomQosClientOptions>();
            return options.RatePlan is { } plan
                ? new RateGovernorHandler($"{options.BaseUri.Authority}|{provider.GetRequiredService<ZoomCredential>().AccountId}", plan, options.TimeProvider)
                : new PassThroughHandler();
        });
        builder.AddHttpMessageHandler(provider => new BearerTokenHandler(provider.GetRequiredService<ZoomCredential>()));
        builder.AddHttpMessageHandler(provider => new TelemetryHandler(Logger(provider)));
        return builder;
    }

    private static ILogger Logger(IServiceProvider provider) =>
        (provider.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<ZoomQosClient>();

    private sealed class PassThroughHandler : DelegatingHandler;
}
