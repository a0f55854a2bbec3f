namespace ZoomQos.Analysis.Causes;

/// <summary>
/// Runs the detectors of this assembly in their order: webinar-wide ones once, then, session by session, the session
/// ones. Findings keep that order where their impact and start are equal. The minutes a detector explains are added
/// after it returns, for the detectors after it.
/// </summary>
internal static class CausePipeline
{
    private static readonly ICauseDetector[] Detectors = Discover();

    /// <summary>The detectors, in the order they run.</summary>
    public static IReadOnlyList<ICauseDetector> All => Detectors;

    public static List<Finding> Run(Thresholds thresholds, AnalysisWindow window, IReadOnlyList<SessionRecord> sessions, WebinarMinutes minutes)
    {
        var findings = new List<Finding>();
        var explained = new Explained();
        var context = new CauseContext(thresholds, window, sessions, minutes, findings, explained);
        foreach (var detector in Detectors.Where(d => d.Scope == CauseScope.Webinar))
        {
            explained.Add(findings, detector.Detect(context));
        }

        var perSession = Detectors.Where(d => d.Scope == CauseScope.Session).ToList();
        foreach (var session in sessions)
        {
            if (session.Minutes.Length == 0)
            {
                continue;
            }

            var about = context with { Session = session };
            foreach (var detector in perSession)
            {
                explained.Add(findings, detector.Detect(about));
            }
        }

        return findings;
    }

    private static ICauseDetector[] Discover()
    {
        var detectors = typeof(ICauseDetector).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICauseDetector).IsAssignableFrom(t))
            .Select(t => (ICauseDetector)Activator.CreateInstance(t)!)
            .OrderBy(d => d.Scope).ThenBy(d => d.Order)
            .ToArray();
        var clash = detectors.GroupBy(d => (d.Scope, d.Order)).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? detectors
            : throw new InvalidOperationException($"Cause detectors {string.Join(" and ", clash.Select(d => d.GetType().Name))} share order {clash.Key.Order}.");
    }

    private sealed class Explained : IExplainedMinutes
    {
        private readonly Dictionary<SessionRecord, HashSet<long>> _minutes = [];

        public bool Contains(SessionRecord session, long minute) => _minutes.TryGetValue(session, out var set) && set.Contains(minute);

        public void Add(List<Finding> findings, CauseResult result)
        {
            findings.AddRange(result.Findings);
            foreach (var (session, from, to) in result.Explained)
            {
                if (!_minutes.TryGetValue(session, out var set))
                {
                    _minutes[session] = set = [];
                }

                for (var minute = from; minute <= to; minute++)
                {
                    set.Add(minute);
                }
            }
        }
    }
}
