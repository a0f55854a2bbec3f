using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ZoomQos.Server.Dashboard;
using ZoomQos.Storage;
using ZoomQos.TestSupport;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>apps</c> and <c>users</c> as a new user meets them: a store made by <c>archive</c> has accounts but no way in,
/// until <c>apps add</c> prints credentials that a Zoom client then uses against <c>serve</c> without <c>--seed</c>.
/// </summary>
public sealed class AdminCommandsTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [SkippableFact]
    public async Task An_archive_served_without_seed_is_read_with_the_credentials_apps_add_printed_and_not_after_apps_remove()
    {
        var path = _cli.PathOf("self-hosted.db");
        var store = "sqlite:" + path;
        var archive = await _cli.RunAsync("archive", "81234567890", "--store", store, "--rate-plan", "none"); // the latest all-hands
        Assert.True(archive.ExitCode == 0, archive.ToString());

        var added = await _cli.RunAsync("apps", "add", "--store", store, "--account", "demo", "--format", "json");
        Assert.True(added.ExitCode == 0, added.ToString());
        var app = JsonNode.Parse(added.Stdout)!;
        var clientId = app["client_id"]!.GetValue<string>();
        var secret = app["client_secret"]!.GetValue<string>();
        Assert.Equal("demo", app["account_id"]!.GetValue<string>());
        Assert.Equal(["dashboard_webinars:read:admin"], app["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Matches("^[A-Za-z0-9]{22}$", clientId);
        Assert.Matches("^[A-Za-z0-9]{32}$", secret);
        Assert.DoesNotContain(secret, added.Stderr, StringComparison.Ordinal);

        var archived = await _cli.StartServerAsync(o => o with { Store = store, SeedDemo = false });
        string[] fetch = ["fetch", "81234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "none"];
        var fromArchive = await CliHarness.RunAsync(fetch, CliHarness.DemoEnvironment(archived, clientId, secret));
        var fromZoom = await _cli.RunAsync(fetch);
        Assert.True(fromArchive.ExitCode == 0, fromArchive.ToString());
        Assert.Equal(1003, fromArchive.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(fromZoom.Stdout, fromArchive.Stdout);

        // Zoom's own Node SDK, given the printed credentials, gets a token and walks the archive: the same sessions.
        var rivet = await RivetPeer.WalkAsync(archived.ApiBaseAddress, archived.TokenAddress, "demo", clientId, secret, "81234567890");
        Assert.True(rivet.ExitCode == 0, rivet.Stderr);
        var expected = fromZoom.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var walked = rivet.Ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(expected.Count, walked.Count);
        Assert.All(expected.Zip(walked), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), pair.Second.ToJsonString()));

        var removed = await _cli.RunAsync("apps", "remove", clientId, "--store", store);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(archived.BaseAddress, clientId, secret));
        var refused = await RivetPeer.WalkAsync(archived.ApiBaseAddress, archived.TokenAddress, "demo", clientId, secret, "81234567894");
        Assert.True(refused.ExitCode != 0 && refused.Ndjson.Length == 0, refused.Stderr);
        var again = await _cli.RunAsync("apps", "remove", clientId, "--store", store);
        Assert.True(again.ExitCode == 1 && again.Stderr.Contains("no app with client ID", StringComparison.Ordinal), again.ToString());
    }

    [Fact]
    public async Task Apps_list_shows_every_app_without_a_secret_and_apps_add_refuses_a_missing_account_changing_nothing()
    {
        var path = _cli.PathOf("apps.db");
        var store = "sqlite:" + path;
        Assert.Equal(0, (await _cli.RunAsync("simulate", "--store", store, "--participants", "5", "--minutes", "3", "--seed", "1")).ExitCode);
        var first = await _cli.RunAsync("apps", "add", "--store", store, "--account", "demo", "--scopes", "dashboard:read:admin, qos:write", "--plan", "Pro");
        Assert.True(first.ExitCode == 0, first.ToString());
        await using (var qos = QosStores.Open(store))
        {
            Assert.Equal(Contracts.Accounts.AccountPlan.Pro, (await qos.GetAccountAsync("demo"))!.Plan);
        }

        var before = await ChecksumAsync(store);
        var missing = await _cli.RunAsync("apps", "add", "--store", store, "--account", "nobody");
        var list = await _cli.RunAsync("apps", "list", "--store", store);
        var json = JsonNode.Parse((await _cli.RunAsync("apps", "list", "--store", store, "--format", "json")).Stdout)!.AsArray();

        Assert.True(missing.ExitCode == 1 && missing.Stderr.Contains("zoomqos apps add: the store has no account 'nobody'", StringComparison.Ordinal), missing.ToString());
        Assert.Equal(before, await ChecksumAsync(store));
        var secret = first.Stdout.Split('\n').Single(l => l.StartsWith("client_secret", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.DoesNotContain(secret, list.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^ACCOUNT\s+CLIENT ID\s+SCOPES\ndemo\s+[A-Za-z0-9]{22}\s+dashboard:read:admin qos:write\n$", list.Stdout);
        Assert.Equal(["dashboard:read:admin", "qos:write"], json.Single()!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(json.Single()!["client_secret"]);
    }

    [Fact]
    public async Task Users_add_takes_the_password_from_input_and_that_user_then_signs_in()
    {
        var store = "sqlite:" + _cli.PathOf("users.db");
        Assert.Equal(0, (await _cli.RunAsync("simulate", "--store", store, "--participants", "5", "--minutes", "3", "--seed", "1")).ExitCode);
        string[] add = ["users", "add", "--store", store, "--account", "demo", "--email", "Ada@Example.com"];

        var added = await CliHarness.RunAsync(add, new Dictionary<string, string>(), password: "correct horse battery");
        var duplicate = await CliHarness.RunAsync(add, new Dictionary<string, string>(), password: "another password");
        var noPassword = await CliHarness.RunAsync(["users", "add", "--store", store, "--account", "demo", "--email", "bob@example.com"], new Dictionary<string, string>());
        var tooShort = await CliHarness.RunAsync(["users", "add", "--store", store, "--account", "demo", "--email", "bob@example.com"], new Dictionary<string, string>(), password: "short");
        var noAccount = await CliHarness.RunAsync(["users", "add", "--store", store, "--account", "nobody", "--email", "bob@example.com"], new Dictionary<string, string>(), password: "long enough password");
        var list = await _cli.RunAsync("users", "list", "--store", store);

        Assert.True(added.ExitCode == 0 && added.Stderr.Contains("added ada@example.com, who sees account demo", StringComparison.Ordinal), added.ToString());
        Assert.True(duplicate.ExitCode == 1 && duplicate.Stderr.Contains("ada@example.com already exists", StringComparison.Ordinal), duplicate.ToString());
        Assert.True(noPassword.ExitCode == 2 && noPassword.Stderr.Contains("no password", StringComparison.Ordinal), noPassword.ToString());
        Assert.True(tooShort.ExitCode == 2 && tooShort.Stderr.Contains("shorter than 8 characters", StringComparison.Ordinal), tooShort.ToString());
        Assert.True(noAccount.ExitCode == 1 && noAccount.Stderr.Contains("no account 'nobody'", StringComparison.Ordinal), noAccount.ToString());
        Assert.Matches(@"^ACCOUNT\s+EMAIL\s+ADDED \(UTC\)\ndemo\s+ada@example.com\s+\d{4}-\d\d-\d\d \d\d:\d\d\n$", list.Stdout);
        await using (var qos = QosStores.Open(store))
        {
            Assert.Equal("demo", (await DashboardPasswords.SignInAsync(qos, "ADA@example.com", "correct horse battery", default))!.AccountId);
            Assert.Null(await DashboardPasswords.SignInAsync(qos, "ada@example.com", "another password", default));
            Assert.Null(await DashboardPasswords.SignInAsync(qos, "bob@example.com", "long enough password", default));
            var stored = (await qos.FindUserAsync("ada@example.com"))!;
            Assert.DoesNotContain("correct horse", stored.PasswordHash, StringComparison.Ordinal);
        }

        var removed = await _cli.RunAsync("users", "remove", "ADA@example.com", "--store", store);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        await using (var qos = QosStores.Open(store))
        {
            Assert.Null(await DashboardPasswords.SignInAsync(qos, "ada@example.com", "correct horse battery", default));
        }
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(Uri server, string clientId, string secret)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/oauth/token?grant_type=account_credentials&account_id=demo"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> ChecksumAsync(string store)
    {
        await using var qos = QosStores.Open(store);
        return await qos.ComputeChecksumAsync();
    }
}
