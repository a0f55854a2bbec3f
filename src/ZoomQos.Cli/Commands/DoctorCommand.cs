using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos doctor</c>: checks a setup the way the API will — credentials, token, scopes, plan and Dashboard
/// feature, rate-limit headroom — and says in one line each what is wrong and how to fix it. Exit 0 when all is
/// well, 1 otherwise. Never prints a secret or a token.
/// </summary>
internal static class DoctorCommand
{
    private static readonly string[] QosScopes = ["dashboard_webinars:read:admin", "dashboard:read:admin", "dashboard:read:list_webinar_participants_qos:admin"];
    private static readonly string[] WebinarScopes = ["dashboard_webinars:read:admin", "dashboard:read:admin", "dashboard:read:list_webinars:admin"];

    public static Command Create(CliContext context)
    {
        var connection = new ConnectionOptions();
        var command = new Command("doctor", "Check credentials, token, scopes, plan and Dashboard feature, and rate-limit headroom; say what to fix.");
        foreach (var option in connection.All)
        {
            command.Options.Add(option);
        }

        command.Description += """


            Examples:
              ZOOM_ACCOUNT_ID=... ZOOM_CLIENT_ID=... ZOOM_CLIENT_SECRET=... zoomqos doctor
              zoomqos doctor --base-url http://127.0.0.1:8080/v2 --token-url http://127.0.0.1:8080/oauth/token
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var settings = connection.Read(parse, context);
            var report = new Report(context.Out);
            using var http = new HttpClient(settings.Verbose ? new RequestTrailHandler(new RequestTrail(context.Error, context.TimeProvider)) { InnerHandler = context.CreateTransport() } : context.CreateTransport());
            http.Timeout = TimeSpan.FromSeconds(30);
            var token = await CheckTokenAsync(settings, http, report, cancellationToken);
            if (token is not null)
            {
                await CheckApiAsync(settings, http, token, report, cancellationToken);
            }

            await report.SummaryAsync();
            return report.Failed ? ExitCodes.RuntimeError : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<string?> CheckTokenAsync(ConnectionSettings settings, HttpClient http, Report report, CancellationToken cancellationToken)
    {
        if (settings.AccessToken is { } given)
        {
            await report.OkAsync("credentials", "using the bearer token of --access-token / ZOOM_ACCESS_TOKEN (OAuth not checked).");
            await report.WarnAsync("scopes", "a bearer token does not show its scopes; the API check below will.");
            return given;
        }

        var missing = new[] { ("ZOOM_ACCOUNT_ID", settings.AccountId), ("ZOOM_CLIENT_ID", settings.ClientId), ("ZOOM_CLIENT_SECRET", settings.ClientSecret) }
            .Where(s => s.Item2 is null).Select(s => s.Item1).ToList();
        if (missing.Count > 0)
        {
            await report.FailAsync("credentials", $"{string.Join(", ", missing)} not set: copy them from your Server-to-Server OAuth app in the Zoom Marketplace (App Credentials) into the environment or the --account-id/--client-id/--client-secret flags.");
            return null;
        }

        await report.OkAsync("credentials", $"account '{settings.AccountId}', client '{settings.ClientId}', secret set ({settings.ClientSecret!.Length} characters).");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{settings.TokenUrl}?grant_type=account_credentials&account_id={Uri.EscapeDataString(settings.AccountId!)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            await report.FailAsync("token", $"cannot reach {settings.TokenUrl}: {ex.Message} Check --token-url / ZOOMQOS_TOKEN_URL and the network.");
            return null;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var reason = TryRead(body, ZoomJsonContext.Default.OAuthError)?.Reason ?? "no reason given";
                await report.FailAsync("token", $"{settings.TokenUrl} refused the credentials (HTTP {(int)response.StatusCode}: {reason}): check the three values against the app, and that the app is activated.");
                return null;
            }

            var token = TryRead(body, ZoomJsonContext.Default.OAuthToken);
            if (token?.AccessToken is not { Length: > 0 } accessToken)
            {
                await report.FailAsync("token", $"{settings.TokenUrl} answered {(int)response.StatusCode} without an access token: is --token-url Zoom's token endpoint?");
                return null;
            }

            await report.OkAsync("token", string.Create(CultureInfo.InvariantCulture, $"issued, valid for {token.ExpiresIn} s."));
            var scopes = token.Scopes;
            var qos = QosScopes.Any(scopes.Contains);
            var list = WebinarScopes.Any(scopes.Contains);
            if (qos && list)
            {
                await report.OkAsync("scopes", $"the token can list webinars and read participant QoS ({string.Join(' ', scopes.Where(s => QosScopes.Contains(s) || WebinarScopes.Contains(s)))}).");
            }
            else
            {
                await report.FailAsync("scopes", $"the token lacks {(qos ? "list webinars" : list ? "participant QoS" : "every dashboard scope")}: add dashboard_webinars:read:admin (or dashboard:read:admin) to the app's scopes in the Zoom Marketplace.");
            }

            return accessToken;
        }
    }

    private static async Task CheckApiAsync(ConnectionSettings settings, HttpClient http, string token, Report report, CancellationToken cancellationToken)
    {
        var baseUrl = settings.BaseUrl.AbsoluteUri.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl + "/metrics/webinars?type=live&page_size=1"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            await report.FailAsync("api", $"cannot reach {baseUrl}: {ex.Message} Check --base-url / ZOOMQOS_BASE_URL.");
            return;
        }

        using (response)
        {
            var error = response.IsSuccessStatusCode ? null : TryRead(await response.Content.ReadAsByteArrayAsync(cancellationToken), ZoomJsonContext.Default.ZoomError);
            switch ((response.StatusCode, error?.Code))
            {
                case (HttpStatusCode.OK, _):
                    await report.OkAsync("plan", "the account has a paid plan with the Dashboard feature (GET /metrics/webinars answered 200).");
                    break;
                case (_, 200):
                    await report.FailAsync("plan", "the account has no paid plan or the Dashboard feature is off: this API needs Pro or higher with Dashboard enabled (Account Settings > Dashboard).");
                    break;
                case (_, 4711):
                    await report.FailAsync("scopes", "the API refused the token's scopes: add dashboard_webinars:read:admin to the app, then get a new token.");
                    break;
                case (_, 124):
                    await report.FailAsync("token", "the API refused the token (124): it expired or belongs to another environment; check --base-url against --token-url.");
                    break;
                case (HttpStatusCode.TooManyRequests, _):
                    await report.FailAsync("rate limit", $"already limited ({Header(response, "X-RateLimit-Type") ?? "unknown type"}); retry after {Header(response, "Retry-After") ?? "the limit resets"}.");
                    return;
                default:
                    await report.FailAsync("api", $"GET /metrics/webinars answered HTTP {(int)response.StatusCode}{(error is null ? string.Empty : $", code {error.Code}: {error.Message}")}; check --base-url.");
                    break;
            }

            var limit = Header(response, "X-RateLimit-Limit");
            var remaining = Header(response, "X-RateLimit-Remaining");
            var planLimits = settings.RatePlan is { } plan && Contracts.Accounts.PlanLimits.For(plan) is var p
                ? string.Create(CultureInfo.InvariantCulture, $"{p.HeavyPerSecond}/s Heavy, {p.ResourceIntensivePerMinute}/min Resource-intensive, {p.Daily:N0}/day")
                : "no pacing (--rate-plan none)";
            if (remaining is not null && long.TryParse(remaining, CultureInfo.InvariantCulture, out var left) && left == 0)
            {
                await report.FailAsync("rate limit", $"no headroom: 0 of {limit} {Header(response, "X-RateLimit-Category")} requests left ({Header(response, "X-RateLimit-Type")}); wait for the reset.");
            }
            else if (remaining is not null)
            {
                await report.OkAsync("rate limit", $"{remaining} of {limit} {Header(response, "X-RateLimit-Category") ?? string.Empty} requests left ({Header(response, "X-RateLimit-Type") ?? "?"}); the client paces for {planLimits}.");
            }
            else
            {
                await report.WarnAsync("rate limit", $"the response had no X-RateLimit headers; the client paces for {planLimits}.");
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static T? TryRead<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Report(TextWriter output)
    {
        private int _failures;
        private int _warnings;

        public bool Failed => _failures > 0;

        public Task OkAsync(string check, string message) => output.WriteLineAsync($"ok    {check,-12} {message}");

        public Task WarnAsync(string check, string message)
        {
            _warnings++;
            return output.WriteLineAsync($"warn  {check,-12} {message}");
        }

        public Task FailAsync(string check, string message)
        {
            _failures++;
            return output.WriteLineAsync($"FAIL  {check,-12} {message}");
        }

        public Task SummaryAsync() => output.WriteLineAsync(_failures == 0
            ? $"doctor: all checks passed{(_warnings > 0 ? $" ({_warnings} warning{(_warnings == 1 ? string.Empty : "s")})" : string.Empty)}."
            : $"doctor: {_failures} check{(_failures == 1 ? string.Empty : "s")} failed.");
    }
}
