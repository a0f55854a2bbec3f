using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Http;

/// <summary>
/// Waits for the account's window before each attempt (retries included), and holds the permit until the response
/// came (<see cref="ReleaseWindowLimiter"/>): Heavy for QoS, Resource-intensive for the lists of webinars and meetings.
/// </summary>
internal sealed class RateGovernorHandler(string accountKey, AccountPlan plan, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        var heavy = !(path.EndsWith("/metrics/webinars", StringComparison.Ordinal) || path.EndsWith("/metrics/meetings", StringComparison.Ordinal));
        using var lease = await ZoomRateGovernor.For(accountKey, plan, heavy, time).AcquireAsync(1, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
