using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Simulation;

/// <summary>What to simulate: one webinar instance, its audience, and whether to plant the faults.</summary>
/// <param name="Instance">The instance: its UUID, webinar ID, account, topic, host, start and (for a past one) end.</param>
/// <param name="Panelists">Panelist sessions (they send media).</param>
/// <param name="AttendeeSessions">Attendee sessions, rejoins included.</param>
/// <param name="DurationMinutes">The planned length; for a live instance samples run past now up to this.</param>
/// <param name="Seed">The random seed: the same seed and spec give the same bytes.</param>
/// <param name="PlantFaults">Whether to plant every fault of <see cref="FaultKind"/>.</param>
/// <param name="Regulars">People who come back: each takes the identity of one attendee (a weak-Wi-Fi regular, the weak-Wi-Fi fault's).</param>
public sealed record WebinarSpec(
    WebinarInstance Instance,
    int Panelists,
    int AttendeeSessions,
    int DurationMinutes,
    int Seed,
    bool PlantFaults = false,
    IReadOnlyList<RegularAttendee>? Regulars = null);
