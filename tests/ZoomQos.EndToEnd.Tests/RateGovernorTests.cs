using System.Diagnostics;
using System.Net;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>The process-wide governor keeps several walks of one account inside the account's limit.</summary>
public sealed class RateGovernorTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task Four_concurrent_walks_at_40_per_second_get_no_429_and_take_about_pages_over_40_seconds()
    {
        var limited = await seeded.StartAsync(o => o with { RateLimits = true });
        var counter = new CountingHandler();
        string[] webinars = ["81234567890", "81234567891", "81234567892", "81234567894"];
        var clients = webinars.Select(_ => new ZoomQosClient(
            new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", limited.TokenAddress),
            new ZoomQosClientOptions { BaseUri = limited.ApiBaseAddress, RatePlan = AccountPlan.Business, Transport = counter })).ToList();
        try
        {
            // Tokens first, so that the timed part is the walks alone.
            await Task.WhenAll(clients.Select((c, i) => c.GetWebinarParticipantsQosAsync(webinars[i], i == 1 ? QosListType.Live : QosListType.Past).AsPages(pageSizeHint: 10).FirstAsync().AsTask()));
            await Task.Delay(TimeSpan.FromSeconds(1.1)); // a fresh server window, as a program starting now would see
            counter.Reset();

            var clock = Stopwatch.StartNew();
            var counts = await Task.WhenAll(clients.Select((c, i) => c.GetWebinarParticipantsQosAsync(webinars[i], i == 1 ? QosListType.Live : QosListType.Past).CountAsync().AsTask()));
            var elapsed = clock.Elapsed;

            var pages = counter.Requests;
            var ideal = TimeSpan.FromSeconds(pages / 40.0);
            Assert.Equal(0, counter.TooManyRequests);
            Assert.Equal(1003, counts[0]);
            Assert.True(pages >= 101 + 3 + 2, $"{pages} requests");
            Assert.True(elapsed <= ideal * 1.15, $"{pages} pages took {elapsed.TotalSeconds:0.00} s; the ideal at 40/s is {ideal.TotalSeconds:0.00} s");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

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
