using System.Globalization;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis.Live;

/// <summary>
/// A live webinar watched poll by poll (<c>zoomqos watch</c>): each poll's sessions judged on their last minutes,
/// up to the last complete minute, and an alert when a participant or the webinar turns poor, unless the same key
/// was alerted within the cool-down. Time is the webinar's own minutes, so a replay at any speed behaves the same.
/// </summary>
/// <param name="windowMinutes">Each participant is judged on their last this many minutes.</param>
/// <param name="cooldown">No second alert for the same key within this long.</param>
/// <param name="thresholds">The thresholds.</param>
/// <param name="meeting">Whether the live instance is a meeting's (anyone can send) rather than a webinar's.</param>
public sealed class LiveWatch(int windowMinutes, TimeSpan cooldown, Thresholds thresholds, bool meeting = false)
{
    /// <summary>The key of the webinar's own alert.</summary>
    public const string WebinarKey = "webinar";

    private readonly HashSet<string> _poor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastAlert = new(StringComparer.Ordinal);

    /// <summary>One poll: every session the API gave, as it gave them.</summary>
    /// <param name="sessions">The live instance's sessions.</param>
    public LivePoll Observe(IReadOnlyList<ParticipantQos> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);

        // The newest minute may be half there: Zoom (and our server) add it while the pages are walked, so
        // sessions read early lack it. Judge up to the last complete minute.
        var latest = sessions.SelectMany(p => p.UserQos ?? []).Select(s => s.DateTime.Value).Max() ?? DateTimeOffset.MinValue;
        var now = latest == DateTimeOffset.MinValue ? latest : latest.AddMinutes(-1);
        var from = now.AddMinutes(-windowMinutes + 1);
        var analyzer = new QosAnalyzer(thresholds, seriesFor: 0, AnalysisWindow.LiveUntil(now) with { IsMeeting = meeting });
        foreach (var session in sessions.Where(p => p.LeaveTime.Value is null || p.LeaveTime.Value >= from))
        {
            analyzer.Add(session with { UserQos = [.. (session.UserQos ?? []).Where(s => s.DateTime.Value >= from && s.DateTime.Value <= now)] });
        }

        return Judge(now, analyzer.Complete());
    }

    private LivePoll Judge(DateTimeOffset now, WebinarAnalysis analysis)
    {
        var alerts = new List<LiveAlert>();
        var poorNow = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in analysis.ParticipantResults.Where(p => p.Verdict == ParticipantVerdict.Poor))
        {
            poorNow.Add(p.UserId);
            var cause = p.Causes.Count > 0 ? p.Causes[0] : null;
            Raise(alerts, now, new LiveAlert("participant_poor", p.UserId, p.Name, "Poor", cause?.Title, cause?.Evidence));
        }

        if (analysis.Verdict != WebinarVerdict.Healthy)
        {
            poorNow.Add(WebinarKey);
            var top = analysis.TopCauses.FirstOrDefault(f => f.Kind != CauseKind.Reconnection);
            Raise(alerts, now, new LiveAlert("webinar_poor", WebinarKey, string.Create(CultureInfo.InvariantCulture, $"{analysis.Poor} of {analysis.Participants} participants poor"), analysis.Verdict.ToString(), top?.Title, top?.Evidence));
        }

        _poor.Clear();
        _poor.UnionWith(poorNow);
        return new LivePoll(now, analysis, alerts);
    }

    private void Raise(List<LiveAlert> alerts, DateTimeOffset now, LiveAlert alert)
    {
        var turned = !_poor.Contains(alert.Key);
        var quiet = _lastAlert.TryGetValue(alert.Key, out var last) && now - last < cooldown;
        if (turned && !quiet)
        {
            alerts.Add(alert);
            _lastAlert[alert.Key] = now;
        }
    }
}

/// <summary>One poll: the last complete minute, the analysis of the window up to it, and the alerts it raised.</summary>
/// <param name="At">The last complete minute.</param>
/// <param name="Analysis">The analysis of the window.</param>
/// <param name="Alerts">New alerts.</param>
public sealed record LivePoll(DateTimeOffset At, WebinarAnalysis Analysis, IReadOnlyList<LiveAlert> Alerts);

/// <summary>One alert: a participant or the webinar turned poor.</summary>
/// <param name="Kind">participant_poor or webinar_poor.</param>
/// <param name="Key">What the cool-down is per: a user_id, or "webinar".</param>
/// <param name="Subject">The participant's name, or the webinar's count of poor participants.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Cause">The most likely cause, in words.</param>
/// <param name="Evidence">What shows it.</param>
public sealed record LiveAlert(string Kind, string Key, string Subject, string Verdict, string? Cause, string? Evidence);
