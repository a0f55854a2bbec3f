namespace ZoomQos.Simulation;

/// <summary>The faults of the quality model's section 5 that the simulator plants.</summary>
public enum FaultKind
{
    /// <summary>A panelist's uplink degrades; many attendees' downlinks degrade in the same minutes (one cause, many victims).</summary>
    PanelistUplink,

    /// <summary>Weak Wi-Fi (RSSI below −70 dBm) degrades one participant's link.</summary>
    WeakWifi,

    /// <summary>An overloaded CPU: loss and jitter low, CPU high, frame rate and resolution drop.</summary>
    HighCpu,

    /// <summary>A long path: latency high but steady, jitter and loss low, location far from the data centre.</summary>
    SteadyLatency,

    /// <summary>Bursty congestion: max_loss spikes while avg_loss stays low, with jitter spikes.</summary>
    BurstyLoss,

    /// <summary>Bandwidth adaptation: bitrate and resolution step down while loss stays low.</summary>
    BandwidthStepDown,

    /// <summary>A participant drops out and rejoins as a new session after a gap.</summary>
    Reconnection,

    /// <summary>One attendee's downlink or device degrades while nobody else's does.</summary>
    AttendeeDownlink,

    /// <summary>In a meeting, where anyone can send: one participant's uplink degrades (while sharing their screen) and many others' downlinks with it.</summary>
    SenderUplink,
}
