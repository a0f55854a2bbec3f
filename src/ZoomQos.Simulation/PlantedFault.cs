namespace ZoomQos.Simulation;

/// <summary>The ground truth of one planted fault: what, who, and which minutes.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="CauseUserId">The <c>user_id</c> of the session that causes it (the panelist, or the participant itself).</param>
/// <param name="AffectedUserIds">The <c>user_id</c>s whose samples show it (the victims of a panelist's uplink; both sessions of a reconnection).</param>
/// <param name="From">The first minute showing the fault (inclusive).</param>
/// <param name="To">The last minute showing the fault (inclusive).</param>
/// <param name="Description">What was planted, in words.</param>
public sealed record PlantedFault(
    FaultKind Kind,
    string CauseUserId,
    IReadOnlyList<string> AffectedUserIds,
    DateTimeOffset From,
    DateTimeOffset To,
    string Description);
