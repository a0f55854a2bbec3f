namespace ZoomQos.Simulation;

/// <summary>
/// ZoomQos.Simulation makes deterministic synthetic webinars with realistic faults: panelists and attendees,
/// late joiners, early leavers and rejoins, a mix of devices, networks and places, per-minute samples for
/// every stream written as Zoom writes them, and the faults of the quality model planted with their ground
/// truth. The same spec (seed included) gives byte-identical output. It also builds the demo data set.
/// </summary>
public static class WebinarSimulator
{
    /// <summary>Plans and returns a simulated webinar; its samples are made when enumerated.</summary>
    /// <param name="spec">What to simulate.</param>
    public static SimulatedWebinar Simulate(WebinarSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.Panelists);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.AttendeeSessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.DurationMinutes, 2);
        var planner = new AudiencePlanner(spec);
        planner.Plan();
        return new SimulatedWebinar(spec, planner.Sessions, planner.Faults, planner.IncidentalRejoins);
    }
}
