using System.Text.Json;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Simulation;

/// <summary>
/// A simulated webinar instance: its sessions (made on demand, the same every time), and the ground truth of
/// every planted fault. A live instance shows what has happened up to a given moment (<see cref="SnapshotAt"/>).
/// </summary>
public sealed class SimulatedWebinar
{
    private readonly List<SessionPlan> _sessions;
    private readonly int _shareFrom;
    private readonly int _shareTo;

    internal SimulatedWebinar(WebinarSpec spec, List<SessionPlan> sessions, List<PlantedFault> faults, List<PlantedFault> incidentalRejoins)
    {
        Spec = spec;
        _sessions = sessions;
        Faults = faults;
        IncidentalRejoins = incidentalRejoins;
        _shareFrom = Math.Max(1, spec.DurationMinutes / 9);
        _shareTo = Math.Max(_shareFrom, spec.DurationMinutes * 2 / 3);
        Instance = spec.Instance with { ListFields = InstanceListFields.Of(Listed()) };
    }

    /// <summary>What was simulated.</summary>
    public WebinarSpec Spec { get; }

    /// <summary>The instance, with what the Dashboard's list says of it (<see cref="WebinarInstance.ListFields"/>) made from its sessions and faults.</summary>
    public WebinarInstance Instance { get; }

    /// <summary>The planted faults: what, who and which minutes.</summary>
    public IReadOnlyList<PlantedFault> Faults { get; }

    /// <summary>
    /// The ordinary rejoins that are not planted faults (people dropping out for a minute or two, as in any
    /// large webinar): reconnections all the same, so an analysis that finds them is right. With
    /// <see cref="Faults"/>, every reconnection in the data.
    /// </summary>
    public IReadOnlyList<PlantedFault> IncidentalRejoins { get; }

    /// <summary>How many join sessions the webinar has over its whole length.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>The <c>user_id</c>s of the panelists (the sessions that send media).</summary>
    public IReadOnlyList<string> PanelistUserIds => [.. _sessions.Where(s => s.Person.IsPanelist).Select(s => s.UserId)];

    /// <summary>Every session with every sample over the webinar's whole planned length, in join order.</summary>
    public IEnumerable<ParticipantQos> Participants() => SnapshotAt(null);

    /// <summary>
    /// The sessions as a live API would show them at <paramref name="now"/>: those joined by then, with the
    /// minutes sampled by then; a session still in the webinar has an empty <c>leave_time</c>. With
    /// <see langword="null"/>, the whole planned length.
    /// </summary>
    /// <param name="now">The moment, or <see langword="null"/> for the end.</param>
    public IEnumerable<ParticipantQos> SnapshotAt(DateTimeOffset? now)
    {
        var start = Instance.StartTime;
        foreach (var session in _sessions)
        {
            var joined = start.AddMinutes(session.JoinMinute).AddSeconds(session.JoinSecond);
            if (now is { } cut && joined > cut)
            {
                continue;
            }

            // Those who stay to the end leave when the webinar ends.
            var left = session.LeaveMinute >= Spec.DurationMinutes
                ? start.AddMinutes(Spec.DurationMinutes)
                : start.AddMinutes(session.LeaveMinute).AddSeconds(session.LeaveSecond);
            var stillIn = now is { } moment && left > moment;
            var factory = new SampleFactory(session, _shareFrom, _shareTo);
            var samples = new List<QosSample>(session.LeaveMinute - session.JoinMinute);
            for (var minute = session.JoinMinute + 1; minute <= session.LeaveMinute; minute++)
            {
                var at = start.AddMinutes(minute);
                if (now is { } limit && at > limit)
                {
                    break;
                }

                samples.Add(factory.Sample(minute, at));
            }

            yield return Describe(session, joined, stillIn ? null : left, samples, Instance.IsMeeting);
        }
    }

    /// <summary>Writes the sessions as NDJSON, one participant object a line: what <c>fetch --format ndjson</c> writes.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="now">The moment for a live snapshot, or <see langword="null"/> for everything.</param>
    public void WriteNdjson(Stream output, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var participant in SnapshotAt(now))
        {
            JsonSerializer.Serialize(output, participant, ZoomJsonContext.Wire.ParticipantQos);
            output.WriteByte((byte)'\n');
        }
    }

    // Zoom's list fields, as the sessions and the planted faults make them plausible: phones are PSTN, room systems SIP,
    // the rest VoIP; the audio is rated by the share of sessions a planted fault touched (a quarter or more: poor; one in
    // twenty: fair), the video fair when a CPU or bandwidth fault was planted.
    private WebinarSummary Listed() => new()
    {
        HasPstn = _sessions.Any(s => s.Person.Device == "Phone"),
        HasVoip = _sessions.Any(s => s.Person.Device != "Phone"),
        HasThirdPartyAudio = false,
        HasVideo = _sessions.Any(s => s.Person.HasVideo),
        HasScreenShare = _sessions.Any(s => s.Person.IsPresenter),
        HasRecording = !Spec.Instance.IsMeeting,
        HasSip = _sessions.Any(s => s.Person.Device == "H.323/SIP"),
        HasArchiving = false,
        Dept = "Engineering",
        AudioQuality = (Faults.SelectMany(f => f.AffectedUserIds).Distinct(StringComparer.Ordinal).Count() / (double)Math.Max(1, _sessions.Count)) switch
        {
            >= 0.25 => "poor",
            >= 0.05 => "fair",
            _ => "good",
        },
        VideoQuality = Faults.Any(f => f.Kind is FaultKind.HighCpu or FaultKind.BandwidthStepDown) ? "fair" : "good",
        ScreenShareQuality = "good",
        CustomKeys = [new CustomKey { Key = "cost_center", Value = "CC-1042" }],
    };

    private static ParticipantQos Describe(SessionPlan session, DateTimeOffset joined, DateTimeOffset? left, List<QosSample> samples, bool meeting)
    {
        var p = session.Person;
        var faulted = session.Effects.Count > 0;
        var issues = session.Effects.Select(e => e.Kind switch
        {
            FaultKind.HighCpu => "High CPU usage",
            FaultKind.BandwidthStepDown => "Unstable video",
            _ => "Unstable audio",
        }).Distinct().ToList();
        var mac = p.Device == "Mac";
        return new ParticipantQos
        {
            // A meeting's participants name their devices, and how long joining took (seconds).
            Microphone = !meeting ? null : mac ? "MacBook Pro Microphone" : "Microphone Array (Realtek(R) Audio)",
            Speaker = !meeting ? null : mac ? "MacBook Pro Speakers" : "Speakers (Realtek(R) Audio)",
            Camera = !meeting ? null : !p.HasVideo ? string.Empty : mac ? "FaceTime HD Camera" : "Integrated Webcam",
            TotalJointimeCost = meeting ? 0.8 + (session.Seed % 3200 / 1000.0) : null,

            // Signed-in users belong to a user group; one Windows user in twenty runs Zoom in a virtual desktop (VDI plugin).
            GroupId = p.ZoomUserId.Length > 0 ? "grp" + p.ZoomUserId[..19] : null,
            ZoomThinClientPluginVersion = p.Device == "Windows" && session.Seed % 20 == 0 ? "6.0.10.24750" : null,
            Id = p.ZoomUserId,
            UserId = session.UserId,
            ParticipantUuid = session.ParticipantUuid,
            UserName = p.Name,
            Email = p.Email,
            Device = ZoomChoice<DeviceTypes>.Parse(p.Device),
            Client = p.Client,
            Version = p.Version,
            Os = p.Os,
            OsVersion = p.OsVersion,
            BrowserName = p.BrowserName,
            BrowserVersion = p.BrowserVersion,
            DeviceName = p.DeviceName,
            IpAddress = p.IpAddress,
            InternalIpAddresses = [p.InternalIp],
            Location = p.Location,
            DataCenter = p.DataCenter,
            FullDataCenter = p.DataCenter + "; Zoom data centre",
            NetworkType = ZoomChoice<NetworkTypes>.Parse(p.NetworkType),
            ConnectionType = ZoomChoice<ConnectionTypes>.Parse(p.ConnectionType),
            VideoConnectionType = p.HasVideo ? ZoomChoice<ConnectionTypes>.Parse(p.ConnectionType) : default, // absent: a phone sends no video (Zoom documents no empty value)
            AsConnectionType = p.HasVideo ? ZoomChoice<ConnectionTypes>.Parse(p.ConnectionType) : default,
            PcName = p.PcName,
            Domain = p.Domain,
            MacAddr = p.MacAddr,
            HarddiskId = p.HarddiskId,
            JoinTime = ZoomTimestamp.Parse(ZoomText.Time(joined)),
            LeaveTime = ZoomTimestamp.Parse(left is { } l ? ZoomText.Time(l) : string.Empty),
            ShareApplication = false,
            ShareDesktop = p.IsPresenter,
            ShareWhiteboard = false,
            Recording = false,
            HasArchiving = false,
            OptionalArchiving = ZoomChoice<OptionalArchivingModes>.Parse("no optional archiving"),
            Health = ZoomChoice<HealthLevels>.Parse(!faulted ? "Good" : issues.Count > 1 ? "Critical" : "Warning"),
            IssueList = issues,
            UserQos = samples,
        };
    }
}
