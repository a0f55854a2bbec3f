using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// The server killed with SIGKILL in the middle of an ingestion, then restarted on the same store: every
/// acknowledged batch is there and no batch is there in part — on SQLite and on PostgreSQL. And a client walk
/// during which the server is killed and restarted twice ends with every session exactly once.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zoomqos-crash-").FullName;
    private readonly string _key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_server_killed_mid_ingestion_keeps_every_acknowledged_batch_and_no_partial_one(string kind)
    {
        var store = kind == "sqlite" ? "sqlite:" + Path.Combine(_directory, "crash.db") : "postgres:" + await (await PostgresSkip.RequireAsync()).CreateDatabaseAsync();
        var port = FreePorts.Next();
        var webinar = Simulate();
        var batches = webinar.Participants().Chunk(40).ToList();

        var server = await StartAsync(store, port);
        var acknowledged = new List<int>();
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoTokens.RequestAsync(http, http.BaseAddress!, "demo-ingest-client-id", "demo-ingest-client-secret"));
            var put = await http.PutAsync(InstancePath(webinar.Instance.Uuid), new StringContent(
                $$"""{"webinar_id":{{webinar.Instance.WebinarId}},"start_time":"{{webinar.Instance.StartTime:O}}","end_time":"{{webinar.Instance.EndTime:O}}"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
            for (var b = 0; b < batches.Count; b++)
            {
                // Batch 3 is sent slowly, and the server is killed while it streams in.
                var slow = b == 3;
                var content = new SlowNdjson(batches[b], slow ? TimeSpan.FromMilliseconds(30) : TimeSpan.Zero, slow ? () => server.Signal("KILL") : null);
                try
                {
                    using var response = await http.PostAsync(InstancePath(webinar.Instance.Uuid) + "/participants", content);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(b);
                    }
                }
                catch (HttpRequestException)
                {
                    break;
                }
            }
        }

        await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        server.Dispose();
        using var restarted = await StartAsync(store, port);
        await using var qos = QosStores.Open(store);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        ParticipantCursor? after = null;
        do
        {
            var page = await qos.ReadParticipantsAsync(webinar.Instance.Uuid, after, 100);
            stored.UnionWith(page.Participants.Select(p => p.Cursor.UserId));
            after = page.Next;
        }
        while (after is not null);

        output.WriteLine($"{kind}: {acknowledged.Count} batches acknowledged before the kill; {stored.Count} sessions stored");
        Assert.Equal([0, 1, 2], acknowledged);
        for (var b = 0; b < batches.Count; b++)
        {
            var present = batches[b].Count(p => stored.Contains(p.UserId!));
            Assert.True(present == 0 || present == batches[b].Length, $"batch {b}: {present} of {batches[b].Length} sessions stored (a partial batch)");
            if (acknowledged.Contains(b))
            {
                Assert.Equal(batches[b].Length, present);
            }
        }

        restarted.Signal("TERM");
        await restarted.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_walk_survives_two_server_restarts_with_every_session_exactly_once()
    {
        var store = "sqlite:" + Path.Combine(_directory, "walk.db");
        var port = FreePorts.Next();
        var server = await StartAsync(store, port);
        try
        {
            using var client = new ZoomQosClient(
                new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", new Uri($"http://127.0.0.1:{port}/oauth/token")),
                new ZoomQosClientOptions { BaseUri = new Uri($"http://127.0.0.1:{port}/v2"), RatePlan = null, MaxRetries = 8, RetryBaseDelay = TimeSpan.FromMilliseconds(500) });
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var pages = 0;
            await foreach (var page in client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).AsPages())
            {
                pages++;
                foreach (var participant in page.Values)
                {
                    seen[participant.UserId!] = seen.GetValueOrDefault(participant.UserId!) + 1;
                }

                if (pages is 30 or 70)
                {
                    server.Signal("KILL");
                    await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
                    server.Dispose();
                    server = await StartAsync(store, port, seed: false);
                    output.WriteLine($"restarted after page {pages}");
                }
            }

            Assert.Equal(1003, seen.Count);
            Assert.All(seen, s => Assert.True(s.Value == 1, $"{s.Key} seen {s.Value} times"));
        }
        finally
        {
            server.Signal("TERM");
            await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
            server.Dispose();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string InstancePath(string uuid) => "/v2/ingest/instances/" + Uri.EscapeDataString(Uri.EscapeDataString(uuid));

    private static SimulatedWebinar Simulate()
    {
        var start = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        return WebinarSimulator.Simulate(new WebinarSpec(new WebinarInstance("Crash+Test/Instance00w==", 81234567996, "demo", "Crash", "Host", "h@example.com", start, start.AddMinutes(60)), 1, 240, 60, 3));
    }

    private async Task<ZoomqosProcess> StartAsync(string store, int port, bool seed = true)
    {
        string[] args = ["serve", "--urls", $"http://127.0.0.1:{port}", "--store", store, "--signing-key", _key, "--no-rate-limit"];
        var process = ZoomqosProcess.Start(seed ? [.. args, "--seed", "demo"] : args);
        await process.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90));
        return process;
    }

    /// <summary>An NDJSON body written line by line, with a pause per line; an action fires halfway through.</summary>
    private sealed class SlowNdjson(ParticipantQos[] participants, TimeSpan pause, Action? halfway) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < participants.Length; i++)
            {
                await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(participants[i], ZoomJsonContext.Default.ParticipantQos));
                await stream.WriteAsync("\n"u8.ToArray());
                if (pause > TimeSpan.Zero)
                {
                    await stream.FlushAsync();
                    await Task.Delay(pause);
                }

                if (i == participants.Length / 2)
                {
                    halfway?.Invoke();
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
