using System.Globalization;

namespace ZoomQos.Simulation;

/// <summary>
/// Plans a webinar's audience: who comes, on what, from where, when they join and leave, who rejoins, and
/// which sessions carry which planted fault. Samples are made later, per session, from the plan.
/// </summary>
internal sealed partial class AudiencePlanner
{
    private readonly Random _random;
    private readonly WebinarSpec _spec;
    private int _nextUserId = 16_778_240;

    public AudiencePlanner(WebinarSpec spec)
    {
        _spec = spec;
        _random = new Random(spec.Seed);
    }

    public List<SessionPlan> Sessions { get; } = [];

    public List<PlantedFault> Faults { get; } = [];

    public List<PlantedFault> IncidentalRejoins { get; } = [];

    public void Plan()
    {
        if (_spec.Instance.IsMeeting)
        {
            PlanMeeting();
            return;
        }

        var duration = _spec.DurationMinutes;
        for (var i = 0; i < _spec.Panelists; i++)
        {
            // Panelists are there from the start to the end; the first one presents (shares the screen).
            var panelist = NewPerson(panelist: true, presenter: i == 0);
            Sessions.Add(NewSession(panelist, joinMinute: 0, leaveMinute: duration));
        }

        var rejoins = _spec.AttendeeSessions >= 40 && duration >= 20 ? Math.Max(3, _spec.AttendeeSessions / 50) : 0; // a rejoin needs a session of 13 minutes or more
        var persons = _spec.AttendeeSessions - rejoins;
        var attendees = new List<SessionPlan>(persons);
        for (var i = 0; i < persons; i++)
        {
            var person = NewPerson(panelist: false, presenter: false);
            var (join, leave) = AttendanceWindow(duration);
            attendees.Add(NewSession(person, join, leave));
        }

        Sessions.AddRange(attendees);
        var faultTargets = _spec.PlantFaults && attendees.Count >= 40 && _spec.Panelists >= 1 && duration >= 60
            ? PlantFaults(attendees, duration)
            : [];
        AssignRegulars(attendees, faultTargets, duration);

        // Rejoins beyond the planted reconnections: ordinary people dropping out for a minute or two.
        var plantedRejoins = Faults.Count(f => f.Kind == FaultKind.Reconnection);
        var candidates = attendees.Where(s => !faultTargets.Contains(s) && s.Effects.Count == 0 && s.LeaveMinute - s.JoinMinute > 12).ToList();
        for (var i = plantedRejoins; i < rejoins && candidates.Count > 0; i++)
        {
            var session = candidates[_random.Next(candidates.Count)];
            candidates.Remove(session);
            var at = session.JoinMinute + 2 + _random.Next(session.LeaveMinute - session.JoinMinute - 8);
            var gap = 1 + _random.Next(3);
            var rejoin = Rejoin(session, at, gap);
            IncidentalRejoins.Add(Truth(FaultKind.Reconnection, session, [session, rejoin], at, at + gap, $"an ordinary rejoin: drops out at minute {at} and comes back {gap} minute(s) later"));
        }

        SortByJoin();
    }

    private void SortByJoin() =>
        Sessions.Sort((a, b) => a.JoinMinute != b.JoinMinute ? a.JoinMinute.CompareTo(b.JoinMinute)
            : a.JoinSecond != b.JoinSecond ? a.JoinSecond.CompareTo(b.JoinSecond)
            : string.CompareOrdinal(a.UserId, b.UserId));

    private HashSet<SessionPlan> PlantFaults(List<SessionPlan> attendees, int duration)
    {
        var targets = new HashSet<SessionPlan>();
        SessionPlan Take(string network, Action<Person>? shape = null)
        {
            var pick = attendees.First(s => !targets.Contains(s) && s.Person.HasVideo && s.Person.ReportsCpu && s.Person.Device != "");
            targets.Add(pick);
            pick.JoinMinute = 0;
            pick.LeaveMinute = duration;
            pick.Person.NetworkType = network;
            shape?.Invoke(pick.Person);
            return pick;
        }

        int At(double share) => (int)Math.Round(duration * share);

        // 1. The presenter's uplink fails for eight minutes; most attendees present then suffer it.
        var presenter = Sessions[0];
        var (upFrom, upTo) = (At(0.33), At(0.33) + 7);
        presenter.Effects.Add(new FaultEffect(FaultKind.PanelistUplink, upFrom, upTo, IsCause: true));

        // 2. Weak Wi-Fi all session long.
        var wifi = Take("Wifi", p => p.BaseRssi = -79);
        wifi.Effects.Add(new FaultEffect(FaultKind.WeakWifi, 1, duration));
        Record(FaultKind.WeakWifi, wifi, [wifi], 1, duration, "weak Wi-Fi (about -79 dBm): loss and jitter on the downlink all session");

        // 3. An overloaded CPU for nine minutes.
        var cpu = Take("Wired");
        cpu.Effects.Add(new FaultEffect(FaultKind.HighCpu, At(0.55), At(0.55) + 8));
        Record(FaultKind.HighCpu, cpu, [cpu], At(0.55), At(0.55) + 8, "system CPU above 90 % with serious or critical pressure; frame rate and resolution drop; loss and jitter low");

        // 4. A long, steady path: Sydney routed to a US data centre.
        var far = Take("Wired", p =>
        {
            p.Location = "Sydney (AU)";
            p.DataCenter = "United States (SC Top)";
            p.BaseLatency = 410;
        });
        far.Effects.Add(new FaultEffect(FaultKind.SteadyLatency, 1, duration));
        Record(FaultKind.SteadyLatency, far, [far], 1, duration, "latency about 410 ms, steady; jitter and loss low (Sydney to a US data centre)");

        // 5. Bursty loss on contended Wi-Fi with a good signal.
        var bursty = Take("Wifi", p => p.BaseRssi = -52);
        bursty.Effects.Add(new FaultEffect(FaultKind.BurstyLoss, At(0.22), At(0.73)));
        Record(FaultKind.BurstyLoss, bursty, [bursty], At(0.22), At(0.73), "max_loss spikes of 15-30 % every few minutes with avg_loss under 1 % and jitter spikes");

        // 6. Bandwidth adaptation: two steps down, loss stays low.
        var stepDown = Take("Wired");
        stepDown.Effects.Add(new FaultEffect(FaultKind.BandwidthStepDown, At(0.44), duration));
        Record(FaultKind.BandwidthStepDown, stepDown, [stepDown], At(0.44), duration, "video bitrate steps 1200 -> 600 -> 300 kbps with resolution 720p -> 360p -> 180p; loss low");

        // 7. One attendee's own downlink, in minutes when nobody else suffers.
        var downlink = Take("Wired");
        downlink.Effects.Add(new FaultEffect(FaultKind.AttendeeDownlink, At(0.66), At(0.66) + 10));
        Record(FaultKind.AttendeeDownlink, downlink, [downlink], At(0.66), At(0.66) + 10, "loss 5-10 % and jitter 50-80 ms on this attendee's downlink only");

        // 8. Three reconnections: a dropped session and its rejoin.
        for (var i = 0; i < 3; i++)
        {
            var dropped = Take("Wifi");
            var at = At(0.5) + (i * 4);
            var rejoin = Rejoin(dropped, at, 2);
            targets.Add(rejoin);
            Record(FaultKind.Reconnection, dropped, [dropped, rejoin], at, at + 2, $"drops out at minute {at} and rejoins 2 minutes later as a new session");
        }

        // The presenter's victims: attendees present through the episode, 70 % of them, not already a fault's target.
        var victims = attendees.Where(s => !targets.Contains(s) && s.Covers(upFrom, upTo) && _random.Next(10) < 7).ToList();
        foreach (var victim in victims)
        {
            victim.Effects.Add(new FaultEffect(FaultKind.PanelistUplink, upFrom, upTo, IsCause: false));
        }

        Record(FaultKind.PanelistUplink, presenter, victims, upFrom, upTo, $"the presenting panelist's uplink loses 6-15 % with jitter 60-120 ms; {victims.Count} attendees' downlinks degrade in the same minutes");
        return targets;
    }

    // Regulars take over attendees from the end of the plan (the planted faults take theirs from the start), keeping
    // everything but the name and email; a weak-Wi-Fi regular is the planted weak Wi-Fi, or gets one of their own.
    private void AssignRegulars(List<SessionPlan> attendees, HashSet<SessionPlan> faultTargets, int duration)
    {
        var free = attendees.Where(s => !faultTargets.Contains(s) && !s.Person.External && s.Effects.Count == 0).Reverse().ToList();
        foreach (var regular in _spec.Regulars ?? [])
        {
            var planted = Faults.Find(f => f.Kind == FaultKind.WeakWifi);
            var session = regular.WeakWifi && planted is not null
                ? attendees.First(s => s.UserId == planted.CauseUserId)
                : free.Find(s => !regular.WeakWifi || (s.Person.HasVideo && s.Person.ReportsCpu && s.Person.Device != ""));
            if (session is null)
            {
                return; // fewer attendees than regulars
            }

            free.Remove(session);
            session.Person.Name = regular.Name;
            session.Person.Email = regular.Email;
            if (regular.WeakWifi && planted is null)
            {
                session.JoinMinute = 0;
                session.LeaveMinute = duration;
                session.Person.NetworkType = "Wifi";
                session.Person.BaseRssi = -79;
                session.Effects.Add(new FaultEffect(FaultKind.WeakWifi, 1, duration));
                Record(FaultKind.WeakWifi, session, [session], 1, duration, "weak Wi-Fi (about -79 dBm): loss and jitter on the downlink all session (a regular's office)");
            }
        }
    }

    private SessionPlan Rejoin(SessionPlan session, int dropMinute, int gapMinutes)
    {
        var originalLeave = session.LeaveMinute;
        session.LeaveMinute = dropMinute;
        var rejoin = NewSession(session.Person, dropMinute + gapMinutes, Math.Max(originalLeave, dropMinute + gapMinutes + 1));
        Sessions.Add(rejoin);
        return rejoin;
    }

    private void Record(FaultKind kind, SessionPlan cause, IEnumerable<SessionPlan> affected, int fromMinute, int toMinute, string description) =>
        Faults.Add(Truth(kind, cause, affected, fromMinute, toMinute, description));

    private PlantedFault Truth(FaultKind kind, SessionPlan cause, IEnumerable<SessionPlan> affected, int fromMinute, int toMinute, string description)
    {
        var start = _spec.Instance.StartTime;
        return new PlantedFault(
            kind,
            cause.UserId,
            [.. affected.Select(s => s.UserId)],
            start.AddMinutes(fromMinute),
            start.AddMinutes(toMinute),
            description);
    }

    private (int Join, int Leave) AttendanceWindow(int duration)
    {
        var roll = _random.Next(100);
        var late = roll < 75 ? _random.Next(4) : roll < 95 ? 4 + _random.Next(Math.Max(1, Math.Min(27, duration / 3))) : _random.Next(Math.Max(1, duration * 6 / 10));
        var join = Math.Min(late, duration - 1); // a webinar of a few minutes: everyone joins before its last minute
        var leaveRoll = _random.Next(100);
        var leave = leaveRoll < 78 ? duration
            : leaveRoll < 80 ? join + 1 + _random.Next(2)   // a glance: too few minutes for a verdict
            : join + 5 + _random.Next(Math.Max(1, duration - join - 5));
        return (join, Math.Min(Math.Max(leave, join + 1), duration));
    }

    private SessionPlan NewSession(Person person, int joinMinute, int leaveMinute)
    {
        var userId = _nextUserId.ToString(CultureInfo.InvariantCulture);
        _nextUserId += 1024 + _random.Next(64);
        return new SessionPlan
        {
            Person = person,
            UserId = userId,
            ParticipantUuid = NewGuid(),
            JoinMinute = joinMinute,
            JoinSecond = 1 + _random.Next(58),
            LeaveMinute = leaveMinute,
            LeaveSecond = 1 + _random.Next(58),
            Seed = _random.Next(),
        };
    }

}
