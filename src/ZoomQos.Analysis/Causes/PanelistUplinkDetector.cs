namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, row 3, in a webinar: a panelist's uplink degraded many attendees' downlinks at once (<see cref="UplinkEpisodes"/>).</summary>
internal sealed class PanelistUplinkDetector : UplinkEpisodes
{
    public override CauseKind Kind => CauseKind.PanelistUplink;

    public override int Order => 10;

    protected override bool ForMeetings => false;

    protected override (string Title, string Others, string Who) Words(SessionRecord sender, IReadOnlyList<MinuteFacts> during) =>
        ($"the panelist {sender.Name}'s uplink", "attendees", "the panelist's");
}
