namespace ZoomQos.Analysis.RollUps;

/// <summary>The webinar minute by minute: attendees receiving audio, those degraded, and whether a panelist's uplink was (a week at most).</summary>
internal static class Timeline
{
    private const int MaxMinutes = 7 * 24 * 60; // a bound on the chart, not a rule of the model

    public static List<TimelinePoint> Of(WebinarMinutes minutes)
    {
        if (minutes.Seen.Count == 0)
        {
            return [];
        }

        var (first, last) = (minutes.Seen.Min(), minutes.Seen.Max());
        return [.. Enumerable.Range(0, (int)Math.Min(last - first + 1, MaxMinutes)).Select(i => first + i).Select(m => new TimelinePoint(
            UtcMinute.At(m), minutes.ActiveAttendees(m), minutes.DegradedAttendees(m), minutes.PanelistDegraded.Contains(m)))];
    }
}
