namespace ZoomQos.Simulation;

/// <summary>One planned join session: who, when (in minutes from the instance start), and the faults it shows.</summary>
internal sealed class SessionPlan
{
    public required Person Person { get; init; }

    public required string UserId { get; init; }

    public required string ParticipantUuid { get; init; }

    /// <summary>The minute of the join; the first sample is the minute after.</summary>
    public required int JoinMinute { get; set; }

    public required int JoinSecond { get; init; }

    /// <summary>The minute of the leave; the last sample is this minute.</summary>
    public required int LeaveMinute { get; set; }

    public required int LeaveSecond { get; init; }

    public required int Seed { get; init; }

    public List<FaultEffect> Effects { get; } = [];

    public bool Covers(int fromMinute, int toMinute) => JoinMinute < fromMinute && LeaveMinute >= toMinute;

    public FaultEffect? EffectAt(FaultKind kind, int minute) =>
        Effects.Find(e => e.Kind == kind && minute >= e.FromMinute && minute <= e.ToMinute);

    /// <summary>A sender's failing uplink in the minute, a webinar panelist's or a meeting participant's: as its cause or its victim.</summary>
    public FaultEffect? UplinkEffectAt(int minute) => EffectAt(FaultKind.PanelistUplink, minute) ?? EffectAt(FaultKind.SenderUplink, minute);
}
