using System.CommandLine;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Cli.Connection;

/// <summary>
/// The flags every command that talks to Zoom (or to a ZoomQos server) shares, with their environment fallbacks
/// (ARCHITECTURE.md). The client secret is best given through <c>ZOOM_CLIENT_SECRET</c>: a flag shows in the
/// process list.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string DefaultBaseUrl = "https://api.zoom.us/v2";
    public const string DefaultTokenUrl = "https://zoom.us/oauth/token";

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "API base URL. Default: $ZOOMQOS_BASE_URL, else " + DefaultBaseUrl + "." };

    public Option<string?> TokenUrl { get; } = new("--token-url") { Description = "OAuth token URL. Default: $ZOOMQOS_TOKEN_URL, else " + DefaultTokenUrl + "." };

    public Option<string?> AccountId { get; } = new("--account-id") { Description = "Server-to-Server OAuth account ID. Default: $ZOOM_ACCOUNT_ID." };

    public Option<string?> ClientId { get; } = new("--client-id") { Description = "Server-to-Server OAuth client ID. Default: $ZOOM_CLIENT_ID." };

    public Option<string?> ClientSecret { get; } = new("--client-secret") { Description = "Client secret. Default: $ZOOM_CLIENT_SECRET (preferred: a flag shows in the process list)." };

    public Option<string?> AccessToken { get; } = new("--access-token") { Description = "Use this bearer token instead of OAuth credentials. Default: $ZOOM_ACCESS_TOKEN." };

    public Option<string> RatePlan { get; } = CreateRatePlan();

    public Option<string?> SubAccount { get; } = new("--sub-account") { Description = "Read this sub-account as its master account (credentials of the master, scope dashboard:master): /v2/accounts/ID/metrics/…." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print the request trail on stderr: method, path, status, tracking id, time and wait. Never a secret." };

    public IEnumerable<Option> All => [BaseUrl, TokenUrl, AccountId, ClientId, ClientSecret, AccessToken, RatePlan, SubAccount, Verbose];

    /// <summary>Reads the flags, then the environment; throws <see cref="CliUsageException"/> for what is missing or malformed.</summary>
    public ConnectionSettings Read(ParseResult parse, CliContext context)
    {
        string? Value(Option<string?> option, string variable) =>
            parse.GetValue(option) is { Length: > 0 } flag ? flag : context.GetEnvironmentVariable(variable) is { Length: > 0 } env ? env : null;

        var baseUrl = ParseUrl(Value(BaseUrl, "ZOOMQOS_BASE_URL") ?? DefaultBaseUrl, "--base-url / ZOOMQOS_BASE_URL");
        var tokenUrl = ParseUrl(Value(TokenUrl, "ZOOMQOS_TOKEN_URL") ?? DefaultTokenUrl, "--token-url / ZOOMQOS_TOKEN_URL");
        var plan = parse.GetValue(RatePlan) switch
        {
            "free" => AccountPlan.Free,
            "pro" => AccountPlan.Pro,
            "none" => (AccountPlan?)null,
            _ => AccountPlan.Business,
        };
        return new ConnectionSettings(
            baseUrl,
            tokenUrl,
            Value(AccountId, "ZOOM_ACCOUNT_ID"),
            Value(ClientId, "ZOOM_CLIENT_ID"),
            Value(ClientSecret, "ZOOM_CLIENT_SECRET"),
            Value(AccessToken, "ZOOM_ACCESS_TOKEN"),
            plan,
            parse.GetValue(Verbose))
        {
            SubAccountId = parse.GetValue(SubAccount) is { Length: > 0 } sub ? sub : null,
        };
    }

    private static Option<string> CreateRatePlan()
    {
        var option = new Option<string>("--rate-plan")
        {
            Description = "The account's plan, to pace requests within Zoom's per-second limits: free, pro, business (Business, Education, Enterprise) or none (no pacing, e.g. a server with --no-rate-limit).",
            DefaultValueFactory = _ => "business",
        };
        option.AcceptOnlyFromAmong("free", "pro", "business", "none");
        return option;
    }

    private static Uri ParseUrl(string text, string name) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliUsageException($"{name} must be an absolute http or https URL, not '{text}'.");
}

/// <summary>Where and as whom to connect.</summary>
internal sealed record ConnectionSettings(
    Uri BaseUrl,
    Uri TokenUrl,
    string? AccountId,
    string? ClientId,
    string? ClientSecret,
    string? AccessToken,
    AccountPlan? RatePlan,
    bool Verbose)
{
    /// <summary>A sub-account read as its master (<c>--sub-account</c>), or <see langword="null"/> for the credential's own account.</summary>
    public string? SubAccountId { get; init; }

    /// <summary>The credential these settings name; throws <see cref="CliUsageException"/> saying which setting is missing.</summary>
    public ZoomCredential CreateCredential(HttpClient tokenHttp, TimeProvider timeProvider)
    {
        if (AccessToken is { } token)
        {
            return new StaticTokenCredential(token);
        }

        var missing = new List<string>();
        if (AccountId is null)
        {
            missing.Add("ZOOM_ACCOUNT_ID (--account-id)");
        }

        if (ClientId is null)
        {
            missing.Add("ZOOM_CLIENT_ID (--client-id)");
        }

        if (ClientSecret is null)
        {
            missing.Add("ZOOM_CLIENT_SECRET (--client-secret)");
        }

        if (missing.Count > 0)
        {
            throw new CliUsageException("no credentials: set " + string.Join(", ", missing) + ", or give --access-token. Run 'zoomqos doctor' to check a setup.");
        }

        return new ServerToServerOAuthCredential(AccountId!, ClientId!, ClientSecret!, TokenUrl, tokenHttp, timeProvider);
    }

    /// <summary>Never prints the secret or the token.</summary>
    public override string ToString() => $"ConnectionSettings {{ BaseUrl = {BaseUrl}, TokenUrl = {TokenUrl}, AccountId = {AccountId}, ClientId = {ClientId} }}";
}
