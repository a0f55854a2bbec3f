using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Client.Http;

/// <summary>Waits for the account's bucket before each attempt (retries included): Heavy for QoS, Resource-intensive for the webinar list.</summary>
internal sealed class RateGovernorHandler(string accountKey, AccountPlan plan, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var heavy = !(request.RequestUri?.AbsolutePath.TrimEnd('/').EndsWith("/metrics/webinars", StringComparison.Ordinal) ?? false);
        using var lease = await ZoomRateGovernor.For(accountKey, plan, heavy, time).AcquireAsync(1, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
