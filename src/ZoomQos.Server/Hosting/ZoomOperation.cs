using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Hosting;

/// <summary>One Zoom operation's admission rules: the scopes that grant it (any one suffices) and its rate label. The QoS operations are their surface's (<c>Qos/QosSurface</c>).</summary>
/// <param name="Scopes">Accepted scopes.</param>
/// <param name="Category">Rate-limit category.</param>
/// <param name="NeedsDashboard">Whether the account needs a paid plan with the Dashboard feature.</param>
internal sealed record ZoomOperation(IReadOnlyList<string> Scopes, RateCategory Category, bool NeedsDashboard = true)
{
    public static readonly ZoomOperation Ingest = new(["qos:write"], RateCategory.Heavy, NeedsDashboard: false);
}
