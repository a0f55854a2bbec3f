using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;

// Walks the participant QoS of a webinar with the ZoomQos.Client package: the latest past webinar of the last 30
// days, or the one given. Against Zoom: `dotnet run -- https://api.zoom.us/v2/`; against the ZoomQos server
// (`zoomqos serve --seed demo`): `dotnet run -- http://127.0.0.1:8080/v2/`. Credentials: ZOOM_ACCOUNT_ID,
// ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET (a Server-to-Server OAuth app with dashboard:read:admin).
if (args.Length is 0 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseUri))
{
    Console.Error.WriteLine("usage: WalkWebinar BASE-URL [WEBINAR-ID]   e.g. WalkWebinar http://127.0.0.1:8080/v2/");
    return 2;
}

string Need(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"set {name}");

var tokenUri = baseUri.Host == "api.zoom.us" ? ServerToServerOAuthCredential.ZoomTokenUri : new Uri(baseUri, "/oauth/token");
using var credential = new ServerToServerOAuthCredential(Need("ZOOM_ACCOUNT_ID"), Need("ZOOM_CLIENT_ID"), Need("ZOOM_CLIENT_SECRET"), tokenUri);
using var client = new ZoomQosClient(credential, new ZoomQosClientOptions { BaseUri = baseUri });

var webinarId = args.Length == 2 ? args[1] : null;
if (webinarId is null)
{
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    WebinarSummary? latest = null;
    await foreach (var webinar in client.GetWebinarsAsync(QosListType.Past, today.AddDays(-30), today))
    {
        if (latest is null || webinar.StartTime.Value > latest.StartTime.Value)
        {
            latest = webinar;
        }
    }

    if (latest?.Uuid is null)
    {
        Console.Error.WriteLine("no past webinar in the last 30 days");
        return 1;
    }

    webinarId = latest.Uuid;
    Console.WriteLine($"latest past webinar: {latest.Topic} ({latest.Id}), {latest.Participants} participants");
}

int sessions = 0, minutes = 0;
(string Name, double Ms) worst = ("", 0);
await foreach (var participant in client.GetWebinarParticipantsQosAsync(webinarId, QosListType.Past))
{
    sessions++;
    foreach (var sample in participant.UserQos ?? [])
    {
        minutes++;
        if (sample.AudioOutput?.Latency.Value is double ms && ms > worst.Ms)
        {
            worst = (participant.UserName ?? participant.UserId ?? "?", ms);
        }
    }
}

Console.WriteLine($"{sessions} sessions, {minutes} sample minutes; highest audio latency received: {worst.Ms:0} ms ({worst.Name})");
return sessions > 0 ? 0 : 1;
