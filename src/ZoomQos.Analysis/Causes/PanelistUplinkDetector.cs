using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Section 5, row 3, the correlation no other tool makes: a panelist's input degraded while many attendees' outputs
/// degrade in the same minutes and not before or after. One cause, many victims; it runs first, and its victims'
/// minutes are not blamed on their own downlinks.
/// </summary>
internal sealed class PanelistUplinkDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.PanelistUplink;

    public CauseScope Scope => CauseScope.Webinar;

    public int Order => 10;

    public CauseResult Detect(CauseContext context)
    {
        var (t, sessions, minutes) = (context.Thresholds, context.Sessions, context.Minutes);
        var findings = new List<Finding>();
        var explained = new List<ExplainedRun>();
        var episodeMinutes = minutes.PanelistDegraded.Where(m => minutes.ManyDegraded(m));
        foreach (var (from, to) in MinuteRuns.Of(episodeMinutes, gap: t.CauseGapMinutes, minLength: 1))
        {
            // An episode lasts its minimum; at the live edge one minute is enough (the webinar is still going).
            if (to - from + 1 < t.EpisodeMinMinutes && to != context.Window.LiveEdgeMinute)
            {
                continue;
            }

            var panelist = sessions.Where(s => s.IsPanelist)
                .Select(s => (Session: s, Degraded: s.Minutes.Count(m => m.Minute >= from && m.Minute <= to && m.AudioIn.Degraded)))
                .OrderByDescending(x => x.Degraded).First().Session;
            var victims = new List<SessionRecord>();
            foreach (var attendee in sessions.Where(s => !s.IsPanelist))
            {
                if (IsVictim(attendee, from, to, t))
                {
                    victims.Add(attendee);

                    // Explained even when too few suffered to call it an episode: these minutes coincide with the
                    // panelist's, and are not the attendee's own downlink.
                    explained.Add(new ExplainedRun(attendee, from, to));
                }
            }

            if (victims.Count < t.EpisodeMinAttendees)
            {
                continue;
            }

            explained.Add(new ExplainedRun(panelist, from, to));
            var during = panelist.Minutes.Where(m => m.Minute >= from && m.Minute <= to).ToList();
            var present = Enumerable.Range(0, (int)(to - from + 1)).Select(i => minutes.ActiveAttendees(from + i)).DefaultIfEmpty(0).Max();
            findings.Add(new Finding(
                Kind,
                "Unstable audio",
                $"the panelist {panelist.Name}'s uplink",
                panelist.UserId,
                panelist.Name,
                [.. victims.Select(v => v.UserId)],
                At(from),
                At(to),
                string.Create(CultureInfo.InvariantCulture,
                    $"{panelist.Name}'s input lost {Stats.Median(during.Select(m => m.AudioIn.AvgLoss)):0.#} % (jitter {Stats.Median(during.Select(m => m.AudioIn.Jitter)):0} ms) from {Time(from)} to {Time(to)} UTC; in those minutes {victims.Count} of {present} attendees' downlinks degraded together, and not before or after. One cause, many victims: fix the panelist's network (wired, or another connection) first.")));
        }

        return new CauseResult(findings, explained);
    }

    // A victim suffered in most of the episode's minutes it was there, and not much otherwise (someone degraded all
    // along has a cause of their own).
    private static bool IsVictim(SessionRecord attendee, long from, long to, Thresholds t)
    {
        int present = 0, hit = 0, outside = 0, outsideHit = 0;
        foreach (var m in attendee.Minutes.Where(m => m.AudioOut.Active))
        {
            var during = m.Minute >= from && m.Minute <= to;
            var degraded = m.AudioOut.Degraded && !m.AudioOut.Burst;
            (present, hit, outside, outsideHit) = during
                ? (present + 1, hit + (degraded ? 1 : 0), outside, outsideHit)
                : (present, hit, outside + 1, outsideHit + (degraded ? 1 : 0));
        }

        return present >= Math.Min(t.EpisodeMinMinutes, to - from + 1)
            && hit >= t.VictimDuringShare * present
            && outsideHit < t.VictimOutsideShare * Math.Max(1, outside);
    }
}
