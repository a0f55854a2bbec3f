using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis;

/// <summary>
/// ZoomQos.Analysis implements spec/quality-model.md, with no I/O: give it participant sessions one at a time
/// (<see cref="Add"/>, as pages arrive), then <see cref="Complete"/>. It keeps a compact classified record per
/// session minute, never the sessions themselves, so memory grows with session minutes, not with the JSON.
/// </summary>
public sealed class QosAnalyzer
{
    private readonly Thresholds _thresholds;
    private readonly int _seriesFor;
    private readonly List<SessionRecord> _sessions = [];

    /// <summary>Creates an analyzer.</summary>
    /// <param name="thresholds">The thresholds; <see cref="Thresholds.Default"/> when null.</param>
    /// <param name="seriesFor">How many of the worst sessions (besides panelists) keep a minute series for charts.</param>
    public QosAnalyzer(Thresholds? thresholds = null, int seriesFor = 60)
    {
        _thresholds = thresholds ?? Thresholds.Default;
        _seriesFor = seriesFor;
    }

    /// <summary>Sessions added so far.</summary>
    public int Count => _sessions.Count;

    /// <summary>The minute records held: one per sampled session minute.</summary>
    internal long MinutesHeld => _sessions.Sum(s => (long)s.Minutes.Length);

    /// <summary>Classifies one session's minutes and keeps the summary.</summary>
    /// <param name="participant">The session.</param>
    public void Add(ParticipantQos participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var samples = participant.UserQos ?? [];
        var minutes = new List<MinuteFacts>(samples.Count);
        foreach (var sample in samples)
        {
            if (sample?.DateTime.Value is { } at)
            {
                minutes.Add(MinuteClassifier.Classify(sample, at.ToUnixTimeSeconds() / 60, _thresholds));
            }
        }

        minutes.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        _sessions.Add(new SessionRecord(participant, [.. minutes]));
    }

    /// <summary>Correlates, finds causes and rolls up; the analyzer can be dropped afterwards.</summary>
    public WebinarAnalysis Complete() => new Correlation(_thresholds, _sessions, _seriesFor).Run();
}

/// <summary>What is kept of one session.</summary>
internal sealed class SessionRecord
{
    public SessionRecord(ParticipantQos p, MinuteFacts[] minutes)
    {
        UserId = p.UserId ?? string.Empty;
        Name = string.IsNullOrWhiteSpace(p.UserName) ? "(unknown)" : p.UserName;
        Email = p.Email ?? string.Empty;
        Join = p.JoinTime.Value;
        Leave = p.LeaveTime.Value;
        Minutes = minutes;
        Dimensions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["location"] = Known(p.Location),
            ["network_type"] = Known(p.NetworkType.Raw),
            ["device"] = Known(p.Device.Raw),
            ["os"] = Known(p.Os),
            ["client_version"] = Known(p.Version),
            ["data_center"] = Known(p.DataCenter),
        };
        Location = p.Location ?? string.Empty;
        DataCenter = p.DataCenter ?? string.Empty;

        // The same person across sessions: Zoom's user id when signed in, else what identifies the machine.
        string?[] identity = [p.Id, p.Email, p.MacAddr, p.HarddiskId, p.PcName, p.IpAddress];
        PersonKey = identity.Any(s => !string.IsNullOrEmpty(s))
            ? string.Join('|', p.Id, p.Email, p.UserName, p.PcName, p.MacAddr, p.HarddiskId, p.IpAddress, p.DeviceName, p.Version, p.OsVersion, p.Location)
            : null;
        IsPanelist = minutes.Any(m => m.SendsMedia);
    }

    public string UserId { get; }

    public string Name { get; }

    public string Email { get; }

    public string Location { get; }

    public string DataCenter { get; }

    public DateTimeOffset? Join { get; }

    public DateTimeOffset? Leave { get; }

    public string? PersonKey { get; }

    public bool IsPanelist { get; }

    public MinuteFacts[] Minutes { get; }

    public Dictionary<string, string> Dimensions { get; }

    // Minutes explained by a cause found so far (victim of an episode, weak Wi-Fi, CPU, bursts).
    public HashSet<long> Explained { get; } = [];

    private static string Known(string? value) => string.IsNullOrWhiteSpace(value) ? "unknown" : value;
}
