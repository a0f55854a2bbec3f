using System.Net;
using System.Text.Json.Nodes;
using ZoomQos.Client.Errors;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Client.Tests;

public class ZoomQosClientTests
{
    private static readonly ZoomQosClientOptions Options = new() { BaseUri = new Uri("https://api.zoom.test/v2") };

    [Fact]
    public async Task The_seeds_200_example_parses_through_the_client()
    {
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-sample-200.json")))!;
        seed["next_page_token"] = ""; // the seed's "string" placeholder would be a token repeated forever
        using var stub = new StubHandler(_ => StubHandler.Json(seed.ToJsonString()));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var pages = await client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past).AsPages().ToListAsync();

        var participant = Assert.Single(Assert.Single(pages).Values);
        Assert.Null(pages[0].TotalRecords);
        Assert.Equal(126, participant.UserQos![0].AudioInput!.Latency.Value);
        Assert.Equal("https://api.zoom.test/v2/metrics/webinars/81234567890/participants/qos?type=past&page_size=10", Assert.Single(stub.Requests).RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_zoom_shaped_page_with_unknown_fields_parses_and_keeps_them()
    {
        var page = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "full-schema.json")))!;
        page["next_page_token"] = "";
        using var stub = new StubHandler(_ => StubHandler.Json(page.ToJsonString()));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var participants = await client.GetWebinarParticipantsQosAsync("w7fUhDMLSo25Lfvu/3I+cw==", QosListType.Past).ToListAsync();

        Assert.Equal(2, participants.Count);
        Assert.Equal("network_change", participants[0].ExtensionData!["rc_reason"].GetString());
        Assert.Equal("5G", participants[1].NetworkType.Raw);
        Assert.EndsWith("/metrics/webinars/w7fUhDMLSo25Lfvu%2F3I%2Bcw%3D%3D/participants/qos?type=past&page_size=10", stub.Requests[0].RequestUri!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_page_token_stops_the_walk_with_an_error()
    {
        using var stub = new StubHandler(_ => StubHandler.Json("""{"total_records":30,"next_page_token":"same","participants":[{"user_id":"1"}]}"""));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var error = await Assert.ThrowsAsync<ZoomApiException>(async () => await client.GetWebinarParticipantsQosAsync("81234567890").ToListAsync());

        Assert.Contains("already returned", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_zoom_error_becomes_an_exception_that_says_what_to_do()
    {
        using var stub = new StubHandler(_ =>
        {
            var response = StubHandler.Json("""{"code":4711,"message":"Invalid access token, does not contain scopes:[dashboard_webinars:read:admin]."}""", HttpStatusCode.BadRequest);
            response.Headers.Add("x-zm-trackingid", "v=2.0;rid=abc");
            return response;
        });
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var error = await Assert.ThrowsAsync<ZoomApiException>(() => client.GetWebinarParticipantQosAsync("81234567890", "16778240", QosListType.Past));

        Assert.Equal(400, error.Status);
        Assert.Equal(4711, error.Code);
        Assert.Equal("v=2.0;rid=abc", error.TrackingId);
        Assert.Equal("/v2/metrics/webinars/81234567890/participants/16778240/qos", error.Path);
        Assert.Contains("Zoom Marketplace", error.Message, StringComparison.Ordinal);
        Assert.Contains("dashboard_webinars:read:admin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_token_given_to_the_participant_call_stops_the_walk()
    {
        using var stub = new StubHandler(Pages("participants", "user_id"));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var seen = await CancelAfterTwoAsync(token => client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past, token).Select(p => p.UserId!));

        Assert.Equal(["1", "2"], seen);
    }

    [Fact]
    public async Task Cancelling_the_token_given_to_the_webinar_list_call_stops_the_walk()
    {
        using var stub = new StubHandler(Pages("webinars", "uuid"));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);

        var seen = await CancelAfterTwoAsync(token => client.GetWebinarsAsync(QosListType.Past, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), token).Select(w => w.Uuid!));

        Assert.Equal(["1", "2"], seen);
    }

    [Fact]
    public async Task The_enumerators_token_still_cancels_when_the_call_has_one_too()
    {
        using var stub = new StubHandler(Pages("participants", "user_id"));
        using var client = new ZoomQosClient(new HttpClient(stub), Options);
        using var call = new CancellationTokenSource();
        using var enumerator = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in client.GetWebinarParticipantsQosAsync("81234567890", QosListType.Past, call.Token).AsPages(cancellationToken: enumerator.Token))
            {
                if (++seen == 3)
                {
                    await enumerator.CancelAsync();
                }
            }
        });

        Assert.Equal(3, seen);
    }

    // Walks with a token given to the call alone (none to the enumerator), cancelling it after the second item.
    private static async Task<List<string>> CancelAfterTwoAsync(Func<CancellationToken, IAsyncEnumerable<string>> walk)
    {
        using var cancel = new CancellationTokenSource();
        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var id in walk(cancel.Token))
            {
                seen.Add(id);
                if (seen.Count == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        return seen;
    }

    // Ten pages of one item each, item n with the id "n"; the last page has no next token.
    private static Func<HttpRequestMessage, HttpResponseMessage> Pages(string list, string idField)
    {
        var served = 0;
        return _ =>
        {
            var n = Interlocked.Increment(ref served);
            var next = n < 10 ? "t" + n : string.Empty;
            return StubHandler.Json($$"""{"total_records":10,"next_page_token":"{{next}}","{{list}}":[{"{{idField}}":"{{n}}"}]}""");
        };
    }
}
