using ZoomQos.Server.RateLimiting;

namespace ZoomQos.Server.Hosting;

/// <summary>One Zoom operation's admission rules: the scopes that grant it (any one suffices) and its rate label.</summary>
/// <param name="Scopes">Accepted scopes.</param>
/// <param name="Category">Rate-limit category.</param>
/// <param name="NeedsDashboard">Whether the account needs a paid plan with the Dashboard feature.</param>
internal sealed record ZoomOperation(IReadOnlyList<string> Scopes, RateCategory Category, bool NeedsDashboard = true)
{
    public static readonly ZoomOperation ListParticipantsQos = new(
        ["dashboard_webinars:read:admin", "dashboard:read:admin", "dashboard:read:list_webinar_participants_qos:admin"], RateCategory.Heavy);

    public static readonly ZoomOperation GetParticipantQos = new(
        ["dashboard_webinars:read:admin", "dashboard:read:admin", "dashboard:read:webinar_participant_qos:admin"], RateCategory.Heavy);

    public static readonly ZoomOperation ListParticipantsQosSummary = new(
        ["dashboard_webinars:read:admin", "dashboard:read:admin", "dashboard:read:list_webinar_participants_qos:admin"], RateCategory.Heavy);

    public static readonly ZoomOperation ListWebinars = new(
        ["dashboard_webinars:read:admin", "dashboard:read:admin", "dashboard:read:list_webinars:admin"], RateCategory.ResourceIntensive);

    public static readonly ZoomOperation Ingest = new(["qos:write"], RateCategory.Heavy, NeedsDashboard: false);
}
