namespace ZoomQos.Simulation;

/// <summary>A meeting's plan: everyone sends and receives, the first participant shares their screen.</summary>
internal sealed partial class AudiencePlanner
{
    // Most join in the first minutes and stay; a few leave early. The sharer is there from start to end.
    private void PlanMeeting()
    {
        var duration = _spec.DurationMinutes;
        var count = _spec.Panelists + _spec.AttendeeSessions;
        for (var i = 0; i < count; i++)
        {
            var person = NewPerson(panelist: true, presenter: i == 0);
            var join = i == 0 ? 0 : _random.Next(4);
            var leave = i == 0 || _random.Next(10) < 8 ? duration : duration - _random.Next(Math.Max(1, duration / 3));
            Sessions.Add(NewSession(person, join, Math.Clamp(leave, join + 1, duration)));
        }

        if (_spec.PlantFaults && count >= 10 && duration >= 20)
        {
            PlantSenderUplink(duration);
        }

        SortByJoin();
    }

    // The sharer's uplink fails for six minutes inside the share window (minutes duration/9 to 2/3 of it); most of the
    // others present then receive the damage: one cause, many victims, any of whom could have been the sender.
    private void PlantSenderUplink(int duration)
    {
        var sharer = Sessions[0];
        var from = (int)Math.Round(duration * 0.33);
        var to = from + 5;
        sharer.Effects.Add(new FaultEffect(FaultKind.SenderUplink, from, to, IsCause: true));
        var victims = Sessions.Skip(1).Where(s => s.Covers(from, to) && _random.Next(10) < 8).ToList();
        foreach (var victim in victims)
        {
            victim.Effects.Add(new FaultEffect(FaultKind.SenderUplink, from, to, IsCause: false));
        }

        Record(FaultKind.SenderUplink, sharer, victims, from, to, $"the participant sharing their screen loses 6-15 % upstream with jitter 60-120 ms; {victims.Count} others' downlinks degrade in the same minutes");
    }
}
