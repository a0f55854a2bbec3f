using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Server.Faults;
using ZoomQos.Storage;
using ZoomQos.Storage.Sqlite;

namespace ZoomQos.EndToEnd.Tests;

/// <summary>The SDK against the real server over loopback: every session, once, whatever happens on the way.</summary>
public sealed class ParticipantWalkTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task Walking_the_latest_all_hands_yields_exactly_the_sessions_the_store_holds_values_equal()
    {
        using var client = SeededServer.ClientFor(seeded.Server);

        var walked = await client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).ToListAsync();

        var stored = await StoredAsync();
        Assert.Equal(1003, walked.Count);
        Assert.Equal(stored.Count, walked.Count);
        for (var i = 0; i < walked.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(stored[i], JsonNode.Parse(JsonSerializer.Serialize(walked[i], ZoomJsonContext.Default.ParticipantQos))), $"session {i} differs");
        }
    }

    [Fact]
    public async Task Pages_report_total_records_and_a_saved_token_resumes_the_walk()
    {
        using var client = SeededServer.ClientFor(seeded.Server);
        var pageable = client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past);

        var first = await pageable.AsPages(pageSizeHint: 7).FirstAsync();
        var rest = await pageable.AsPages(first.ContinuationToken, 7).SelectMany(p => p.Values.ToAsyncEnumerable()).ToListAsync();

        Assert.Equal(1003, first.TotalRecords);
        Assert.Equal(7, first.Values.Count);
        Assert.Equal(996, rest.Count);
        Assert.Empty(first.Values.Select(p => p.UserId).Intersect(rest.Select(p => p.UserId)));
    }

    [Fact]
    public async Task With_429s_503s_and_connection_resets_injected_the_walk_yields_the_same_sessions()
    {
        // The client shares the server's fake clock: each Retry-After (Zoom's ISO-8601 form) and back-off passes in
        // simulated time, moved on whenever no request is in flight.
        var faulty = await seeded.StartAsync(o => o with { Faults = FaultSpec.Parse("429:10,503:5,reset:2") });
        using var clean = SeededServer.ClientFor(seeded.Server);
        var counter = new InFlightCounter(seeded.Time);
        using var client = seeded.ClientOnFakeClock(faulty, counter);

        var expected = await clean.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).Select(p => p.UserId).ToListAsync();
        var walking = client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).Select(p => p.UserId).ToListAsync().AsTask();
        var walked = await FakeClock.DriveAsync(seeded.Time, walking, () => counter.InFlight == 0, TimeSpan.FromMilliseconds(50));

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task A_page_token_expiring_mid_walk_still_yields_every_session_once()
    {
        using var client = SeededServer.ClientFor(seeded.Server);
        var seen = new List<string>();
        var pages = 0;

        await foreach (var page in client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).AsPages())
        {
            seen.AddRange(page.Values.Select(p => p.UserId!));
            if (++pages == 40)
            {
                seeded.Time.Advance(TimeSpan.FromMinutes(16)); // a slow consumer: the next token has expired
            }
        }

        Assert.Equal(1003, seen.Count);
        Assert.Equal(1003, seen.Distinct().Count());
        Assert.True(pages > 101, $"{pages} pages: the walk should have restarted");
    }

    [Fact]
    public async Task Zoom_errors_arrive_as_exceptions_with_advice()
    {
        using var client = SeededServer.ClientFor(seeded.Server);

        var retention = await Assert.ThrowsAsync<Client.Errors.ZoomApiException>(async () => await client.GetWebinarParticipantsQosAsync("81234567893", QosListType.Past).FirstAsync());
        var unknown = await Assert.ThrowsAsync<Client.Errors.ZoomApiException>(() => client.GetWebinarParticipantQosAsync("81234567890", "nobody", QosListType.Past));
        var slash = await client.GetWebinarParticipantsQosAsync("/DemoQos//Slash+Uuid0w==", QosListType.Past).CountAsync();

        Assert.Equal(12702, retention.Code);
        Assert.Contains("12 months", retention.Message, StringComparison.Ordinal);
        Assert.Equal(3001, unknown.Code);
        Assert.Equal(21, slash);
    }

    private async Task<List<JsonNode>> StoredAsync()
    {
        await using var store = new SqliteQosStore(seeded.StorePath);
        var instance = await store.ResolveInstanceAsync("demo", "81234567890", QosListType.Past);
        var all = new List<JsonNode>();
        ParticipantCursor? cursor = null;
        do
        {
            var page = await store.ReadParticipantsAsync(instance!.Uuid, cursor, 50);
            all.AddRange(page.Participants.Select(p => JsonNode.Parse(p.Json.Span)!));
            cursor = page.Next;
        }
        while (cursor is not null);

        return all;
    }
}
