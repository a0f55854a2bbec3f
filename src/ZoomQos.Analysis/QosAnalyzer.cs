using ZoomQos.Analysis.Causes;
using ZoomQos.Analysis.RollUps;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis;

/// <summary>
/// ZoomQos.Analysis implements spec/quality-model.md, with no I/O: give it participant sessions one at a time
/// (<see cref="Add"/>, as pages arrive), then <see cref="Complete"/>. It keeps a compact classified record per
/// session minute, never the sessions themselves, so memory grows with session minutes, not with the JSON.
/// <see cref="Complete"/> lines the minutes up (<see cref="WebinarMinutes"/>), runs the cause detectors
/// (<see cref="CausePipeline"/>, one per cause of section 5), and rolls up (section 4).
/// </summary>
public sealed class QosAnalyzer
{
    private readonly Thresholds _thresholds;
    private readonly int _seriesFor;
    private readonly AnalysisWindow _window;
    private readonly List<SessionRecord> _sessions = [];

    /// <summary>Creates an analyzer.</summary>
    /// <param name="thresholds">The thresholds; <see cref="Thresholds.Default"/> when null.</param>
    /// <param name="seriesFor">How many of the worst sessions (besides panelists) keep a minute series for charts.</param>
    /// <param name="window">Whether the webinar has ended or is live (and up to which minute); ended when null.</param>
    public QosAnalyzer(Thresholds? thresholds = null, int seriesFor = 60, AnalysisWindow? window = null)
    {
        _thresholds = thresholds ?? Thresholds.Default;
        _seriesFor = seriesFor;
        _window = window ?? AnalysisWindow.Ended;
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
    public WebinarAnalysis Complete()
    {
        var t = _thresholds;
        var minutes = WebinarMinutes.LineUp(_sessions, t, _window.IsMeeting);
        var findings = CausePipeline.Run(t, _window, _sessions, minutes);
        var rollUp = new ParticipantRollUp(t, minutes, findings);

        var results = _sessions.Select(rollUp.Of).ToList();
        results.Sort((a, b) => b.Badness.CompareTo(a.Badness));
        var charted = new HashSet<string>(results.Where(r => r.IsPanelist).Select(r => r.UserId).Concat(results.Take(_seriesFor).Select(r => r.UserId)), StringComparer.Ordinal);
        var byId = _sessions.GroupBy(s => s.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        results = [.. results.Select(r => charted.Contains(r.UserId) ? r with { Series = ChartSeries.Of(byId[r.UserId], rollUp) } : r)];

        var withVerdict = results.Count(r => r.Verdict != ParticipantVerdict.InsufficientData);
        var poor = results.Count(r => r.Verdict == ParticipantVerdict.Poor);
        var share = BreakdownRow.Share(poor, withVerdict);
        return new WebinarAnalysis
        {
            Thresholds = t,
            Verdict = share >= t.WebinarCriticalShare ? WebinarVerdict.Critical : share >= t.WebinarDegradedShare ? WebinarVerdict.Degraded : WebinarVerdict.Healthy,
            Participants = results.Count,
            Poor = poor,
            Fair = results.Count(r => r.Verdict == ParticipantVerdict.Fair),
            Good = results.Count(r => r.Verdict == ParticipantVerdict.Good),
            Insufficient = results.Count(r => r.Verdict == ParticipantVerdict.InsufficientData),
            Findings = [.. findings.OrderByDescending(f => f.Impact).ThenBy(f => f.From)],
            ParticipantResults = results,
            Breakdowns = Breakdowns.Of(results),
            Timeline = Timeline.Of(minutes),
            From = minutes.Seen.Count == 0 ? null : UtcMinute.At(minutes.Seen.Min()),
            To = minutes.Seen.Count == 0 ? null : UtcMinute.At(minutes.Seen.Max()),
        };
    }
}
