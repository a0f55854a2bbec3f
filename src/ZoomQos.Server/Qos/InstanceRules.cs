using Microsoft.AspNetCore.Http;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Server.Errors;
using ZoomQos.Server.Hosting;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// From what the caller named to the instance to serve: ID → latest instance, UUID → that instance (another
/// account's looks unknown), <c>past</c> only for ended instances, <c>live</c> only for one in progress, and
/// the retention rule (12702) for ended ones; a webinar's ID or UUID on the meetings' routes (or the reverse) is unknown.
/// </summary>
internal sealed class InstanceRules(IQosStore store, ServerOptions options)
{
    public async Task<(WebinarInstance? Instance, IResult? Error)> ResolveAsync(QosSurface surface, Account account, string webinarId, QosListType type, IResult notFound, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(webinarId) || webinarId.Length > 256)
        {
            return (null, notFound);
        }

        var instance = await store.ResolveInstanceAsync(account.Id, webinarId, type, cancellationToken);
        if (instance is null || instance.Kind != surface.Kind || (type == QosListType.Past) == instance.IsLive)
        {
            return (null, notFound);
        }

        if (options.RetentionMonths > 0 && instance.EndTime is { } end && end < options.TimeProvider.GetUtcNow().AddMonths(-options.RetentionMonths))
        {
            return (null, ZoomErrors.BeyondRetention(surface));
        }

        if (instance.DataWithheld)
        {
            return (null, ZoomErrors.CannotAccessInfo(surface, webinarId));
        }

        return (instance, null);
    }
}
