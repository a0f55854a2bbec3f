namespace ZoomQos.Simulation;

/// <summary>A fault as it shows in one session's samples: which minutes, and whether this session causes it.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="FromMinute">First minute (from the instance start), inclusive.</param>
/// <param name="ToMinute">Last minute, inclusive.</param>
/// <param name="IsCause">Whether this session causes the fault (a panelist's uplink) rather than suffering it.</param>
internal sealed record FaultEffect(FaultKind Kind, int FromMinute, int ToMinute, bool IsCause = true);
