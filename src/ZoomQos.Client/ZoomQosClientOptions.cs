using Microsoft.Extensions.Logging;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client;

/// <summary>How <see cref="ZoomQosClient"/> talks to Zoom (or to a ZoomQos server).</summary>
public sealed class ZoomQosClientOptions
{
    /// <summary>Zoom's API base URL.</summary>
    public static readonly Uri ZoomBaseUri = new("https://api.zoom.us/v2/");

    /// <summary>The API base URL, e.g. <c>https://api.zoom.us/v2</c> or a ZoomQos server's <c>…/v2</c>.</summary>
    public Uri BaseUri { get; set; } = ZoomBaseUri;

    /// <summary>
    /// A sub-account to read as its master account (the credential's account, with scope <c>dashboard:master</c>): every
    /// call then goes to <c>/accounts/{SubAccountId}/metrics/…</c>. <see langword="null"/> (the default) reads the
    /// credential's own account.
    /// </summary>
    public string? SubAccountId { get; set; }

    /// <summary>How many times a failed attempt is retried (network errors, timeouts, 5xx, 408, 429).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest a 429 is waited out; a daily limit resetting later fails fast with <see cref="Errors.ZoomRateLimitExceededException"/>.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a participant walk asks for the next page while the caller handles this one (default: yes, it
    /// hides a round trip per page). Turn it off when the caller must know that no page was fetched beyond the
    /// last one it received, as a resumable archive does.
    /// </summary>
    public bool PrefetchPages { get; set; } = true;

    /// <summary>
    /// The account's plan, which presets the process-wide rate governor (Business: 40 Heavy requests a second);
    /// <see langword="null"/> turns the governor off and leaves 429s to the retries.
    /// </summary>
    public AccountPlan? RatePlan { get; set; } = AccountPlan.Business;

    /// <summary>The innermost handler (a proxy, a test's counter); a <see cref="SocketsHttpHandler"/> by default.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Identifies the application in the User-Agent.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The clock (waits and token expiry); tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs (never a token or secret).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
