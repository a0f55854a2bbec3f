using ZoomQos.Client;
using ZoomQos.Client.Credentials;

namespace ZoomQos.Cli.Connection;

/// <summary>A configured SDK client (and the HTTP client its credential asks for tokens with), owned by one command run.</summary>
internal sealed class ZoomConnection : IDisposable
{
    private readonly HttpClient _tokenHttp;

    private ZoomConnection(ZoomQosClient client, ZoomCredential credential, HttpClient tokenHttp)
    {
        Client = client;
        Credential = credential;
        _tokenHttp = tokenHttp;
    }

    public ZoomQosClient Client { get; }

    public ZoomCredential Credential { get; }

    /// <summary>Builds the client: request trail on stderr when verbose; raw responses to <paramref name="raw"/> when given.</summary>
    public static ZoomConnection Open(ConnectionSettings settings, CliContext context, TextWriter? raw = null, bool prefetchPages = true)
    {
        var trail = settings.Verbose ? new RequestTrail(context.Error, context.TimeProvider) : null;
        HttpMessageHandler Transport(bool withRaw)
        {
            var handler = context.CreateTransport();
            if (withRaw && raw is not null)
            {
                handler = new RawResponseHandler(raw) { InnerHandler = handler };
            }

            return trail is null ? handler : new RequestTrailHandler(trail) { InnerHandler = handler };
        }

        // Token responses never go to the raw output: they hold the access token.
        var tokenHttp = new HttpClient(Transport(withRaw: false), disposeHandler: true);
        try
        {
            var credential = settings.CreateCredential(tokenHttp, context.TimeProvider);
            var client = new ZoomQosClient(credential, new ZoomQosClientOptions
            {
                BaseUri = settings.BaseUrl,
                RatePlan = settings.RatePlan,
                SubAccountId = settings.SubAccountId,
                Transport = Transport(withRaw: true),
                TimeProvider = context.TimeProvider,
                PrefetchPages = prefetchPages,
                ApplicationId = "zoomqos-cli",
            });
            return new ZoomConnection(client, credential, tokenHttp);
        }
        catch
        {
            tokenHttp.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        (Credential as IDisposable)?.Dispose();
        _tokenHttp.Dispose();
    }
}
