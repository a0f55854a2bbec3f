using System.Net;
using System.Text.RegularExpressions;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// The dashboard's sign-in over HTTP, against two servers on one store (the demo, seeded once): what a session needs,
/// what a failure gets, and that a cookie made by one node is accepted by the other (Data Protection keys in the store).
/// </summary>
public sealed partial class DashboardSignInTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Without_a_session_pages_send_to_sign_in_and_the_json_answers_401()
    {
        await using var node = await NodeAsync("signin-a.db");
        using var http = Client(node.Site, new CookieContainer());

        var page = await http.GetAsync(new Uri("/webinars", UriKind.Relative));
        var json = await http.GetAsync(new Uri("/dashboard/api/webinars", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", new Uri(node.Site, page.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_or_with_a_wrong_password_gets_no_session_and_five_failures_lock_the_email()
    {
        await using var node = await NodeAsync("signin-b.db");
        var cookies = new CookieContainer();
        using var http = Client(node.Site, cookies);

        var forged = await http.PostAsync(new Uri("/signin", UriKind.Relative), Form(null, "demo@example.com", "demo-password"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await http.PostAsync(new Uri("/signin", UriKind.Relative), Form(await TokenAsync(http), "demo@example.com", "wrong-" + i))).StatusCode);
        }

        var locked = await http.PostAsync(new Uri("/signin", UriKind.Relative), Form(await TokenAsync(http), "demo@example.com", "demo-password"));
        var other = await http.PostAsync(new Uri("/signin", UriKind.Relative), Form(await TokenAsync(http), "hipaa@example.com", "demo-password"));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode); // only that email is locked
        Assert.Single(cookies.GetAllCookies(), c => c.Name == "zoomqos.session");
    }

    [Fact]
    public async Task A_session_made_by_one_node_is_accepted_by_another_on_the_same_store_and_sees_only_its_account()
    {
        await using var first = await NodeAsync("signin-c.db");
        await using var second = await NodeAsync("signin-c.db");
        var cookies = new CookieContainer();
        using var one = Client(first.Site, cookies);
        var signedIn = await one.PostAsync(new Uri("/signin", UriKind.Relative), Form(await TokenAsync(one), "hipaa@example.com", "demo-password"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = cookies.GetAllCookies().Single(c => c.Name == "zoomqos.session");
        using var two = new HttpClient { BaseAddress = second.Site };
        two.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");

        var list = await two.GetStringAsync(new Uri("/dashboard/api/webinars", UriKind.Relative));
        var demoUuid = await StoreReading.UuidOfAsync(_cli.PathOf("signin-c.db"), "demo", "81234567890");
        var foreign = await two.GetAsync(new Uri("/dashboard/api/instances/" + Uri.EscapeDataString(demoUuid), UriKind.Relative));
        var nobody = await two.GetAsync(new Uri("/dashboard/api/participants/ada%40example.com", UriKind.Relative));

        Assert.Contains("Patient education", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarterly all-hands", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode); // with privacy blanking there is nobody to look up
    }

    [Fact]
    public async Task Demo_serve_prints_the_dashboard_and_its_demo_user_keeps_serving_them_and_stops_on_cancel()
    {
        var stderr = new StringWriter();
        var error = TextWriter.Synchronized(stderr);

        // The synchronized writer locks itself around each write: read what it wrote under the same lock, while it runs.
        string Said()
        {
            lock (error)
            {
                return stderr.ToString();
            }
        }

        var context = new CliContext
        {
            Out = TextWriter.Null,
            Error = error,
            OpenStandardOutput = () => Stream.Null,
            GetEnvironmentVariable = _ => null,
        };
        using var stop = new CancellationTokenSource();
        var run = ZoomQosCli.RunAsync(["demo", "--serve", "--html", _cli.PathOf("demo-serve.html")], context, stop.Token);
        Match printed;
        using (var deadline = new CancellationTokenSource(SyncingServer.Deadline))
        {
            while (!(printed = Dashboard().Match(Said())).Success)
            {
                Assert.False(run.IsCompleted, Said());
                await Task.Delay(50, deadline.Token);
            }
        }

        var cookies = new CookieContainer();
        var site = new Uri(printed.Groups[1].Value);
        using var http = Client(site, cookies);
        var unsigned = await http.GetAsync(site);
        var signedIn = await http.PostAsync(new Uri("/signin", UriKind.Relative), Form(await TokenAsync(http), "demo@example.com", printed.Groups[2].Value));
        var list = await http.GetStringAsync(new Uri("/dashboard/api/webinars", UriKind.Relative));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Quarterly all-hands", list, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"dashboard at (\S+) — sign in as demo@example\.com / (\S+) ")]
    private static partial Regex Dashboard();

    private async Task<SyncingServer> NodeAsync(string store) =>
        await SyncingServer.StartAsync(new Dictionary<string, string>(), "sqlite:" + _cli.PathOf(store), TimeProvider.System, ["--seed", "demo"], sync: false);

    private static HttpClient Client(Uri site, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site };

    private static async Task<string> TokenAsync(HttpClient http) =>
        Token().Match(await http.GetStringAsync(new Uri("/signin", UriKind.Relative))).Groups[1].Value;

    private static FormUrlEncodedContent Form(string? token, string email, string password) => new(
        token is null
            ? [new("email", email), new("password", password)]
            : [new("__RequestVerificationToken", token), new("email", email), new("password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
