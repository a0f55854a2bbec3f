using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>What one in-process run of <c>zoomqos</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, byte[] StdoutBytes, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stderr:\n{Stderr}\n--- stdout (first 2000):\n{Stdout[..Math.Min(2000, Stdout.Length)]}";
}

/// <summary>
/// Runs <c>zoomqos</c> commands in-process against an in-process demo server on loopback: stdout and stderr are
/// captured, the environment is the test's own, and the transport can be wrapped to watch the traffic.
/// </summary>
public sealed class CliHarness : IAsyncLifetime
{
    private readonly List<ZoomQosServer> _servers = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "zoomqos-cli-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider ServerTime { get; } = DemoServers.NewClock();

    public ZoomQosServer Server => _servers[0];

    public string ServerStore => Path.Combine(Directory, "server.db");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await StartServerAsync(o => o with { SeedDemo = true });
    }

    public async Task<ZoomQosServer> StartServerAsync(Func<ServerOptions, ServerOptions> configure)
    {
        var server = await DemoServers.StartAsync("sqlite:" + ServerStore, ServerTime, configure);
        _servers.Add(server);
        return server;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The demo account's environment for a server.</summary>
    public static Dictionary<string, string> DemoEnvironment(ZoomQosServer server, string clientId = "demo-client-id", string secret = "demo-client-secret", string account = "demo") => new()
    {
        ["ZOOMQOS_BASE_URL"] = server.ApiBaseAddress.AbsoluteUri,
        ["ZOOMQOS_TOKEN_URL"] = server.TokenAddress.AbsoluteUri,
        ["ZOOM_ACCOUNT_ID"] = account,
        ["ZOOM_CLIENT_ID"] = clientId,
        ["ZOOM_CLIENT_SECRET"] = secret,
    };

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, DemoEnvironment(Server));

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null, TimeProvider? time = null, string? password = null, CancellationToken cancellationToken = default)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var outText = new StringWriter();
        var context = new CliContext
        {
            Out = outText,
            Error = TextWriter.Synchronized(stderr),
            OpenStandardOutput = () => new KeepOpenStream(stdout),
            ErrorIsTerminal = false,
            GetEnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : null,
            EnvironmentVariables = () => environment,
            CreateTransport = () => wrap is null ? new SocketsHttpHandler() : wrap(new SocketsHttpHandler()),
            TimeProvider = time ?? TimeProvider.System,
            ReadPassword = _ => Task.FromResult(password),
        };
        var code = await ZoomQosCli.RunAsync(args, context, cancellationToken);
        var bytes = stdout.ToArray();
        return new CliRun(code, bytes, outText + Encoding.UTF8.GetString(bytes), stderr.ToString());
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>stdout as the command sees it: closing it does not lose what was captured.</summary>
    private sealed class KeepOpenStream(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (inner)
            {
                inner.Write(buffer, offset, count);
            }
        }
    }
}

/// <summary>Counts every participant session the client received, by request path and user_id, from the response bodies.</summary>
public sealed class SessionCounter
{
    private int _pages;

    public System.Collections.Concurrent.ConcurrentQueue<(string Path, string UserId)> Sessions { get; } = new();

    public Action<int>? OnPage { get; set; }

    /// <summary>Counts only the pages whose query has this text (e.g. <c>type=past</c>), when set.</summary>
    public string? OnlyWhereQueryHas { get; set; }

    /// <summary>A new handler (one per transport the command makes) that reports here.</summary>
    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this) { InnerHandler = inner };

    private sealed class Handler(SessionCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            if (response.IsSuccessStatusCode && path.EndsWith("/participants/qos", StringComparison.Ordinal)
                && (counter.OnlyWhereQueryHas is not { } only || request.RequestUri.Query.Contains(only, StringComparison.Ordinal)))
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
                foreach (var participant in document.RootElement.GetProperty("participants").EnumerateArray())
                {
                    counter.Sessions.Enqueue((path, participant.GetProperty("user_id").GetString()!));
                }

                counter.OnPage?.Invoke(Interlocked.Increment(ref counter._pages));
            }

            return response;
        }
    }
}
