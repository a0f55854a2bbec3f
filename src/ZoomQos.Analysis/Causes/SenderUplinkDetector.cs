namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Section 5, row 3, in a meeting, where anyone can send: one participant's uplink, while they shared their screen or
/// spoke, degraded many others' downlinks at once (<see cref="UplinkEpisodes"/>).
/// </summary>
internal sealed class SenderUplinkDetector : UplinkEpisodes
{
    public override CauseKind Kind => CauseKind.SenderUplink;

    public override int Order => 11;

    protected override bool ForMeetings => true;

    protected override (string Title, string Others, string Who) Words(SessionRecord sender, IReadOnlyList<MinuteFacts> during)
    {
        var sharing = during.Count(m => m.ShareIn != Quality.Unclassified) * 2 >= during.Count;
        return ($"{sender.Name}'s uplink, {(sharing ? "sharing their screen" : "speaking")}", "other participants", $"{sender.Name}'s");
    }
}
