using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// <c>bench -- governor [rounds]</c>: four concurrent walks of one Business account (the demo's all-hands, live
/// launch, slash-UUID and team-sync webinars) against <c>serve --seed demo</c> with Zoom's rate limits on, on the real
/// clock. PASS needs no 429 and each round within 15 % of the ideal time at 40 requests a second. The same rule on a
/// fake clock, with no timing, is <c>EndToEnd.Tests/RateGovernorTests</c>.
/// </summary>
internal static class GovernorRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var verdict = new Verdict("governor");
        var directory = Directory.CreateTempSubdirectory("zoomqos-governor-");
        await using var server = await ZoomQosServer.StartAsync(
            new ServerOptions { Urls = "http://127.0.0.1:0", Store = "sqlite:" + Path.Combine(directory.FullName, "demo.db"), SeedDemo = true, RateLimits = true },
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        string[] webinars = ["81234567890", "81234567891", "81234567892", "81234567894"];
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var counter = new CountingHandler();
                var clients = webinars.Select(_ => new ZoomQosClient(
                    new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", server.TokenAddress),
                    new ZoomQosClientOptions { BaseUri = server.ApiBaseAddress, RatePlan = AccountPlan.Business, Transport = counter })).ToList();
                try
                {
                    // Tokens first, so that the timed part is the walks alone; then a fresh server window.
                    await Task.WhenAll(clients.Select((c, i) => c.GetWebinarParticipantsQosAsync(webinars[i], Type(i)).AsPages(pageSizeHint: 10).FirstAsync().AsTask()));
                    await Task.Delay(TimeSpan.FromSeconds(1.1));
                    counter.Reset();

                    var clock = Stopwatch.StartNew();
                    var counts = await Task.WhenAll(clients.Select((c, i) => c.GetWebinarParticipantsQosAsync(webinars[i], Type(i)).CountAsync().AsTask()));
                    var elapsed = clock.Elapsed;
                    var ideal = TimeSpan.FromSeconds(counter.Requests / 40.0);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round}: {counter.Requests} requests ({string.Join(" + ", counts)} sessions) in {elapsed.TotalSeconds:0.00} s; ideal at 40/s {ideal.TotalSeconds:0.00} s (x{elapsed / ideal:0.000}); {counter.TooManyRequests} x 429"));
                    verdict.Check(counter.TooManyRequests == 0, $"round {round}: {counter.TooManyRequests} x 429");
                    verdict.Check(counts[0] == 1003, $"round {round}: {counts[0]} all-hands sessions, not 1003");
                    verdict.Check(elapsed <= ideal * 1.15, string.Create(CultureInfo.InvariantCulture, $"round {round}: x{elapsed / ideal:0.000} of the ideal (limit x1.15)"));
                }
                finally
                {
                    clients.ForEach(c => c.Dispose());
                }
            }
        }
        finally
        {
            await server.DisposeAsync();
            directory.Delete(recursive: true);
        }

        return verdict.Report();
    }

    private static QosListType Type(int i) => i == 1 ? QosListType.Live : QosListType.Past;

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _requests;
        private int _tooMany;

        public int Requests => _requests;

        public int TooManyRequests => _tooMany;

        public void Reset() => (_requests, _tooMany) = (0, 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Interlocked.Increment(ref _requests);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _tooMany);
            }

            return response;
        }
    }
}
