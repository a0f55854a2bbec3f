using System.CommandLine;
using System.Globalization;
using ZoomQos.Server;
using ZoomQos.Server.Faults;
using ZoomQos.Server.Hosting;
using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Cli.Commands;

/// <summary><c>zoomqos serve</c>: the Zoom-compatible QoS API on a store, until SIGTERM or Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen. Loopback by default; give another address only on purpose.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var store = StoreOption.Create("The store to serve:", fallback: "sqlite:zoomqos.db");
        var seed = new Option<string?>("--seed") { Description = "Seed a data set into the store: 'demo' (well-known demo accounts and webinars)." };
        seed.AcceptOnlyFromAmong("demo");
        var noRateLimit = new Option<bool>("--no-rate-limit") { Description = "Do not enforce Zoom's rate limits." };
        var faults = new Option<string?>("--faults") { Description = "Inject faults into /v2 responses, e.g. \"429:10,503:5,reset:2,delay:5@250\" (percent of requests)." };
        var retryAfter = new Option<string>("--retry-after")
        {
            Description = "Form of Retry-After on a 429: iso8601 (Zoom's), seconds, http-date or none.",
            DefaultValueFactory = _ => "iso8601",
        };
        retryAfter.AcceptOnlyFromAmong("iso8601", "seconds", "http-date", "none");
        var retention = new Option<int>("--retention-months")
        {
            Description = "Months after which an ended webinar answers 12702 (Zoom keeps 12); 0 keeps everything, for an archive.",
            DefaultValueFactory = _ => 12,
        };
        var pageCache = new Option<int>("--page-cache-mb")
        {
            Description = "Megabytes of encoded list pages of ended webinars kept to be sent again (a merge makes an instance's pages stale); 0 keeps none.",
            DefaultValueFactory = _ => 128,
        };
        var pageCacheDir = new Option<string?>("--page-cache-dir") { Description = "The folder in which the kept pages' files go (a folder of the server's own is made in it, removed when it stops): the system's temporary folder by default; name a disk-backed one where that is in memory (tmpfs)." };
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "How much faster than real time the demo's live webinar accrues minutes.",
            DefaultValueFactory = _ => 1,
        };
        var signingKey = new Option<string?>("--signing-key")
        {
            Description = "Base64 key (16+ bytes) that signs access and page tokens; share it between nodes. Default: $ZOOMQOS_SIGNING_KEY, else random per process.",
        };

        var redis = new Option<string?>("--redis")
        {
            Description = "Keep the rate-limit counters in this Redis (e.g. 127.0.0.1:6379) so that several nodes share one account's limits. Default: $ZOOMQOS_REDIS, else in this process.",
        };
        var sync = new Option<bool>("--sync") { Description = "Archive an account continuously into the store: its ended webinars every --sync-interval, its live ones every minute (credentials as every client command takes them)." };
        var syncInterval = new Option<string>("--sync-interval") { Description = "With --sync: how often ended webinars are listed and archived: 15m, 1h, 90s.", DefaultValueFactory = _ => "15m" };
        var syncSince = new Option<string?>("--sync-since") { Description = "With --sync: the first day (UTC, yyyy-mm-dd) the first pass lists from. Default: 180 days ago (Zoom's list reaches six months)." };
        var webhookSecret = new Option<string?>("--webhook-secret-token")
        {
            Description = "Receive the Zoom app's QoS Subscription webhooks at POST /webhooks/zoom, each verified with this secret token. Default: $ZOOMQOS_WEBHOOK_SECRET_TOKEN (preferred: a flag shows in the process list).",
        };
        var webhookUrl = new Option<string?>("--webhook-url")
        {
            Description = "With --seed demo: send the live webinar's QSS events (one per participant per minute, a summary when one leaves) to this URL, signed with --webhook-secret-token.",
        };
        var metricsToken = new Option<string?>("--metrics-token")
        {
            Description = "Answer the Prometheus scrape at /metrics from any address, to this bearer token only; without one it answers loopback callers only. Default: $ZOOMQOS_METRICS_TOKEN (preferred: a flag shows in the process list).",
        };
        var config = new Option<string?>("--config") { Description = $"Read settings from this JSON file (keys: each flag in PascalCase, e.g. {{\"PageCacheMb\": 64}}), over ./{CommandSettings.LocalFile} and under {CommandSettings.EnvironmentPrefix}KEY variables; a flag wins over all." };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Serve the API only: no /signin and no dashboard (its JSON under /dashboard/api)." };
        var connection = new ConnectionOptions();
        var command = new Command("serve", "Serve the Zoom webinar QoS API (OAuth, scopes, paging, errors, rate limits) from a store.")
        {
            urls, store, seed, noRateLimit, faults, retryAfter, retention, pageCache, pageCacheDir, timeScale, signingKey, redis, sync, syncInterval, syncSince, webhookSecret, webhookUrl, metricsToken, noDashboard, config,
        };
        foreach (var option in connection.All)
        {
            option.Description = "With --sync: " + option.Description;
            command.Options.Add(option);
        }
        command.Description += """


            Examples:
              zoomqos serve --urls http://127.0.0.1:8080 --store sqlite:zoomqos.db --seed demo
              zoomqos serve --store sqlite:archive.db --retention-months 0 --no-rate-limit
              zoomqos serve --seed demo --faults "429:10,503:5,reset:2"
              zoomqos serve --store sqlite:archive.db --retention-months 0 --sync --sync-interval 15m   # ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
              zoomqos serve --store sqlite:archive.db --retention-months 0   # ZOOMQOS_WEBHOOK_SECRET_TOKEN: QSS webhooks at /webhooks/zoom
              zoomqos serve --seed demo --time-scale 10 --webhook-url http://127.0.0.1:4000/zoom/events   # QSS events of the live webinar
              zoomqos serve --config /etc/zoomqos/zoomqos.json   # or ./appsettings.json, or ZOOMQOS__STORE=… ZOOMQOS__PAGECACHEMB=64
              zoomqos serve --urls http://0.0.0.0:8080 --metrics-token "$SCRAPE_TOKEN"   # ZOOMQOS_METRICS_TOKEN: Prometheus at /metrics from anywhere
              zoomqos serve --urls http://10.0.0.11:8080 --store "postgres:Host=db;Database=zoomqos;Username=zoomqos" --redis db:6379 --signing-key $KEY
            """;

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, context, async () =>
        {
            var settings = CommandSettings.Read(parseResult, context, parseResult.GetValue(config), command.Options.Except(connection.All));
            using var zoom = settings.Get(sync) ? ZoomConnection.Open(connection.Read(parseResult, context), context, prefetchPages: false) : null;
            var syncSettings = zoom is null ? null : new Archive.Sync.SyncSettings(
                zoom.Credential.AccountId ?? connection.Read(parseResult, context).AccountId ?? "archive",
                Durations.Parse(settings.Get(syncInterval)!, "--sync-interval") is { TotalSeconds: >= 1 } every ? every : throw new CliUsageException("--sync-interval must be 1s or more."),
                TimeSpan.FromMinutes(1))
            {
                LookbackDays = settings.Get(syncSince) is { } since
                    ? DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day <= DateOnly.FromDateTime(context.TimeProvider.GetUtcNow().UtcDateTime)
                        ? DateOnly.FromDateTime(context.TimeProvider.GetUtcNow().UtcDateTime).DayNumber - day.DayNumber
                        : throw new CliUsageException($"--sync-since must be a past date as yyyy-mm-dd, not '{since}'.")
                    : 180,
            };
            ServerOptions options;
            try
            {
                options = new ServerOptions
                {
                    Urls = settings.Get(urls)!,
                    Store = settings.Get(store)!,
                    SeedDemo = settings.Get(seed) == "demo",
                    RateLimits = !settings.Get(noRateLimit),
                    Faults = FaultSpec.Parse(settings.Get(faults)),
                    RetryAfter = settings.Get(retryAfter) switch
                    {
                        "seconds" => RetryAfterFormat.Seconds,
                        "http-date" => RetryAfterFormat.HttpDate,
                        "none" => RetryAfterFormat.None,
                        _ => RetryAfterFormat.Iso8601,
                    },
                    RetentionMonths = settings.Get(retention) is >= 0 and var months ? months : throw new FormatException("--retention-months must be 0 or more."),
                    PageCacheBytes = settings.Get(pageCache) is >= 0 and var megabytes ? megabytes * 1024L * 1024 : throw new FormatException("--page-cache-mb must be 0 or more."),
                    PageCacheFolder = settings.Get(pageCacheDir) is { } folder ? (Directory.Exists(folder) ? folder : throw new FormatException($"--page-cache-dir: the folder '{folder}' does not exist.")) : null,
                    DemoTimeScale = settings.Get(timeScale) is > 0 and var scale ? scale : throw new FormatException("--time-scale must be more than 0."),
                    SigningKey = SigningKey(settings.Get(signingKey) ?? context.GetEnvironmentVariable("ZOOMQOS_SIGNING_KEY")),
                    Redis = settings.Get(redis) ?? context.GetEnvironmentVariable("ZOOMQOS_REDIS"),
                    WebhookSecretToken = settings.Get(webhookSecret) ?? context.GetEnvironmentVariable("ZOOMQOS_WEBHOOK_SECRET_TOKEN"),
                    WebhookUrl = WebhookUrl(settings.Get(webhookUrl), settings.Get(seed) == "demo", settings.Get(webhookSecret) ?? context.GetEnvironmentVariable("ZOOMQOS_WEBHOOK_SECRET_TOKEN")),
                    MetricsToken = settings.Get(metricsToken) ?? context.GetEnvironmentVariable("ZOOMQOS_METRICS_TOKEN"),
                    ExtraMeters = zoom is null ? [] : [Archive.Sync.SyncMetrics.MeterName],
                    TimeProvider = context.TimeProvider,
                    ConfigureServices = services =>
                    {
                        if (zoom is not null)
                        {
                            SyncHost.AddTo(services, zoom, syncSettings!);
                        }

                        if (!settings.Get(noDashboard))
                        {
                            Dashboard.DashboardSetup.AddServices(services);
                        }
                    },
                    ConfigureApp = settings.Get(noDashboard) ? null : Dashboard.DashboardSetup.Map,
                };
            }
            catch (FormatException ex)
            {
                throw new CliUsageException(ex.Message);
            }

            ZoomQosServer server;
            try
            {
                server = await ZoomQosServer.StartAsync(options, cancellationToken: cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or Storage.QosStoreException or InvalidOperationException)
            {
                throw new CliFailureException("could not start: " + ex.Message, ex);
            }

            await using (server)
            {
                await CommandRunner.Say(context, "serve", $"listening on {server.BaseAddress} (API {server.ApiBaseAddress}, token URL {server.TokenAddress}); SIGTERM or Ctrl+C stops.");
                if (options.SeedDemo)
                {
                    await CommandRunner.Say(context, "serve", "demo account 'demo', client demo-client-id / demo-client-secret.");
                }

                if (!string.IsNullOrEmpty(options.WebhookSecretToken))
                {
                    await CommandRunner.Say(context, "serve", $"receiving QoS Subscription webhooks at {new Uri(server.BaseAddress, "webhooks/zoom")} (each verified with the secret token).");
                }

                if (options.WebhookUrl is not null)
                {
                    await CommandRunner.Say(context, "serve", $"sending the live demo webinar's QSS events to {options.WebhookUrl.GetLeftPart(UriPartial.Path)}; counts on /health.");
                }

                if (syncSettings is not null)
                {
                    await CommandRunner.Say(context, "serve", $"syncing account '{syncSettings.AccountId}' into the store: ended webinars every {syncSettings.Interval}, live ones every minute; state on /health.");
                }

                // The host stops itself on SIGTERM and Ctrl+C; a cancelled token (the CLI's own signal handling, or
                // a caller in-process) stops it too. Either way it drains requests and the exit is a clean 0.
                var stopped = server.WaitForShutdownAsync(CancellationToken.None);
                await Task.WhenAny(stopped, Task.Delay(Timeout.Infinite, cancellationToken));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Uri? WebhookUrl(string? url, bool demo, string? secret) =>
        url is null ? null
        : !demo ? throw new CliUsageException("--webhook-url sends the demo's live webinar: give --seed demo too.")
        : string.IsNullOrEmpty(secret) ? throw new CliUsageException("--webhook-url needs --webhook-secret-token (or $ZOOMQOS_WEBHOOK_SECRET_TOKEN) to sign the events with.")
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new CliUsageException($"--webhook-url must be an http or https URL, not '{url}'.");

    private static byte[] SigningKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return [];
        }

        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length >= 16 ? key : throw new FormatException("the signing key must be at least 16 bytes.");
        }
        catch (FormatException ex)
        {
            // The key itself is never echoed.
            throw new FormatException("--signing-key / ZOOMQOS_SIGNING_KEY is not valid base64 of 16 or more bytes: " + ex.Message.Split('.')[0] + ".");
        }
    }
}
