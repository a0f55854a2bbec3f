using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;
using ZoomQos.Storage;
using ZoomQos.TestSupport;
using ZoomQos.TestSupport.Webhooks;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>serve --webhook-secret-token</c> as a process, killed with SIGKILL while four senders stream QSS events at it, then
/// started again on the same store: every event it answered 200 is stored, its minute in the session — on SQLite and on
/// PostgreSQL.
/// </summary>
public sealed class WebhookCrashTests(ITestOutputHelper output) : IDisposable
{
    private const string Secret = "crash-test-secret-token";
    private readonly string _directory = Directory.CreateTempSubdirectory("zoomqos-webhook-crash-").FullName;

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_server_killed_mid_stream_loses_no_acknowledged_event(string kind)
    {
        var store = kind == "sqlite" ? "sqlite:" + Path.Combine(_directory, "webhooks.db") : "postgres:" + await (await PostgresSkip.RequireAsync()).CreateDatabaseAsync();
        var port = FreePorts.Next();
        var endpoint = new Uri($"http://127.0.0.1:{port}/webhooks/zoom");
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        start = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var bodies = Enumerable.Range(0, 60).SelectMany(m => Enumerable.Range(0, 20).Select(p => (User: (16778240 + p).ToString(CultureInfo.InvariantCulture), Minute: m, Body: QssEvents.PerMinute("acme", "CrashQss0000000000000w==", (16778240 + p).ToString(CultureInfo.InvariantCulture), $"p{p}@example.com", start.AddMinutes(m), seed: m)))).ToList();

        var server = await StartAsync(store, port);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<int>();
        var sent = 0;
        using (var http = new HttpClient())
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async sender =>
            {
                for (var i = sender; i < bodies.Count; i += 4)
                {
                    if (Interlocked.Increment(ref sent) == 300)
                    {
                        server.Signal("KILL"); // mid-stream: the other senders' requests are in flight
                    }

                    try
                    {
                        using var response = await http.SendAsync(QssEvents.Request(endpoint, bodies[i].Body, Secret, DateTimeOffset.UtcNow));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(i);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            }));
        }

        await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        server.Dispose();
        using var restarted = await StartAsync(store, port);
        await using var qos = QosStores.Open(store);
        var kept = (await qos.ReadQssEventsAsync("acme", "CrashQss0000000000000w==")).Select(e => e.Digest).ToHashSet(StringComparer.Ordinal);
        Assert.True((await qos.GetAccountAsync("acme"))!.QssSubscription); // created by its events, which prove a subscription
        output.WriteLine($"{kind}: {acknowledged.Count} events acknowledged before the kill; {kept.Count} kept");
        Assert.InRange(acknowledged.Count, 250, bodies.Count - 1);
        foreach (var i in acknowledged)
        {
            var (user, minute, body) = bodies[i];
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), kept);
            var session = (await qos.GetParticipantAsync("CrashQss0000000000000w==", user))!.ToParticipant();
            Assert.Contains(session.UserQos!, s => s.DateTime.Value == start.AddMinutes(minute));
        }

        restarted.Signal("TERM");
        await restarted.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<ZoomqosProcess> StartAsync(string store, int port)
    {
        var process = ZoomqosProcess.Start("serve", "--urls", $"http://127.0.0.1:{port}", "--store", store, "--no-rate-limit", "--no-dashboard", "--webhook-secret-token", Secret);
        await process.WaitForStderrAsync("zoomqos serve: listening on", TimeSpan.FromSeconds(90));
        return process;
    }
}
