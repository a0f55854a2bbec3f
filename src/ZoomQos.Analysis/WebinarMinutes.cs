namespace ZoomQos.Analysis;

/// <summary>
/// The webinar's minutes lined up across sessions: per minute, the attendees receiving audio and those whose downlink
/// was degraded, and the panelists' inputs (whether one was degraded, and each one's latency and bitrate). The panelist
/// → attendee correlation, the end-to-end MOS and the timeline read it. In a meeting everyone is both: each session's
/// input counts as a sender's and its output as a receiver's.
/// </summary>
internal sealed class WebinarMinutes
{
    private readonly Dictionary<long, int> _activeAttendees = [];
    private readonly Dictionary<long, int> _degradedAttendees = [];
    private readonly Dictionary<long, List<(SessionRecord Panelist, float Latency, float Kbps)>> _panelistInputs = [];
    private readonly HashSet<long> _panelistDegraded = [];

    private WebinarMinutes(Thresholds thresholds, bool meeting) => (Thresholds, IsMeeting) = (thresholds, meeting);

    public Thresholds Thresholds { get; }

    /// <summary>Whether these are a meeting's minutes (everyone sends and receives; nobody is a panelist).</summary>
    public bool IsMeeting { get; }

    /// <summary>Minutes in which a panelist's input was degraded (loss bursts aside).</summary>
    public IReadOnlySet<long> PanelistDegraded => _panelistDegraded;

    /// <summary>Every minute that anything was seen in, for the window and the timeline.</summary>
    public List<long> Seen { get; } = [];

    public static WebinarMinutes LineUp(IReadOnlyList<SessionRecord> sessions, Thresholds thresholds, bool meeting = false)
    {
        var lined = new WebinarMinutes(thresholds, meeting);
        foreach (var session in sessions)
        {
            foreach (var m in session.Minutes)
            {
                if (session.IsPanelist || meeting)
                {
                    if (m.AudioIn.Active)
                    {
                        if (!lined._panelistInputs.TryGetValue(m.Minute, out var inputs))
                        {
                            lined._panelistInputs[m.Minute] = inputs = [];
                        }

                        inputs.Add((session, m.AudioIn.Latency, m.AudioIn.Kbps));
                        if (m.AudioIn.Degraded && !m.AudioIn.Burst)
                        {
                            lined._panelistDegraded.Add(m.Minute);
                        }
                    }
                }

                if ((!session.IsPanelist || meeting) && m.AudioOut.Active)
                {
                    lined._activeAttendees[m.Minute] = lined._activeAttendees.GetValueOrDefault(m.Minute) + 1;
                    if (m.AudioOut.Degraded && !m.AudioOut.Burst)
                    {
                        lined._degradedAttendees[m.Minute] = lined._degradedAttendees.GetValueOrDefault(m.Minute) + 1;
                    }
                }
            }
        }

        lined.Seen.AddRange(lined._activeAttendees.Keys.Concat(lined._panelistInputs.Keys).Concat(sessions.SelectMany(s => s.Minutes.Select(m => m.Minute))));
        return lined;
    }

    public int ActiveAttendees(long minute) => _activeAttendees.GetValueOrDefault(minute);

    public int DegradedAttendees(long minute) => _degradedAttendees.GetValueOrDefault(minute);

    /// <summary>Whether many attendees' downlinks were degraded together in the minute (<see cref="EpisodeThreshold"/>).</summary>
    public bool ManyDegraded(long minute) => DegradedAttendees(minute) >= EpisodeThreshold(ActiveAttendees(minute));

    /// <summary>How many attendees make "many": <see cref="Thresholds.EpisodeMinAttendees"/>, or the share of those active.</summary>
    public int EpisodeThreshold(int active) => Math.Max(Thresholds.EpisodeMinAttendees, (int)Math.Ceiling(active * Thresholds.EpisodeAttendeeShare));

    /// <summary>The latency of the panelist speaking in the minute (the one sending the most audio), or NaN.</summary>
    public float PanelistLatency(long minute)
    {
        if (!_panelistInputs.TryGetValue(minute, out var inputs))
        {
            return float.NaN;
        }

        var speaking = inputs.MaxBy(i => float.IsNaN(i.Kbps) ? 0 : i.Kbps);
        return speaking.Latency;
    }
}
