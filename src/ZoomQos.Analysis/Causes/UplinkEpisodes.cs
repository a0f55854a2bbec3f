using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Section 5, row 3, the correlation no other tool makes: a sender's input degraded while many receivers' outputs
/// degrade in the same minutes and not before or after. One cause, many victims; it runs first, and its victims'
/// minutes are not blamed on their own downlinks. In a webinar the senders are the panelists and the receivers the
/// attendees (<see cref="PanelistUplinkDetector"/>); in a meeting anyone sends and everyone else receives
/// (<see cref="SenderUplinkDetector"/>).
/// </summary>
internal abstract class UplinkEpisodes : ICauseDetector
{
    public abstract CauseKind Kind { get; }

    public CauseScope Scope => CauseScope.Webinar;

    public abstract int Order { get; }

    /// <summary>Whether the detector is for a meeting's minutes (or a webinar's).</summary>
    protected abstract bool ForMeetings { get; }

    public CauseResult Detect(CauseContext context)
    {
        if (context.Window.IsMeeting != ForMeetings)
        {
            return new CauseResult([], []);
        }

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

            // The sender: degraded in most of the episode's minutes, and (between equals) least outside it.
            var panelist = sessions.Where(s => s.IsPanelist)
                .Select(s => (Session: s, Degraded: s.Minutes.Count(m => m.Minute >= from && m.Minute <= to && m.AudioIn.Degraded), Outside: s.Minutes.Count(m => (m.Minute < from || m.Minute > to) && m.AudioIn.Degraded)))
                .OrderByDescending(x => x.Degraded).ThenBy(x => x.Outside).First().Session;
            var victims = new List<SessionRecord>();
            foreach (var attendee in sessions.Where(s => ForMeetings ? s != panelist : !s.IsPanelist))
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
            // In a meeting the sender receives too: the others present are those receiving but the sender.
            var present = Enumerable.Range(0, (int)(to - from + 1)).Select(i => minutes.ActiveAttendees(from + i)).DefaultIfEmpty(0).Max() - (ForMeetings ? 1 : 0);
            var (title, others, who) = Words(panelist, during);
            findings.Add(new Finding(
                Kind,
                "Unstable audio",
                title,
                panelist.UserId,
                panelist.Name,
                [.. victims.Select(v => v.UserId)],
                At(from),
                At(to),
                string.Create(CultureInfo.InvariantCulture,
                    $"{panelist.Name}'s input lost {Stats.Median(during.Select(m => m.AudioIn.AvgLoss)):0.#} % (jitter {Stats.Median(during.Select(m => m.AudioIn.Jitter)):0} ms) from {Time(from)} to {Time(to)} UTC; in those minutes {victims.Count} of {present} {others}' downlinks degraded together, and not before or after. One cause, many victims: fix {who} network (wired, or another connection) first.")));
        }

        return new CauseResult(findings, explained);
    }

    /// <summary>The finding's title, what the receivers are called, and whose network to fix.</summary>
    protected abstract (string Title, string Others, string Who) Words(SessionRecord sender, IReadOnlyList<MinuteFacts> during);

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
