using System.Globalization;
using System.Runtime.CompilerServices;
using ZoomQos.Analysis;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// <c>bench -- analysis-memory</c>: the heap the analyzer keeps for a simulated 1,000-attendee, 90-minute webinar with
/// every fault, after every session was added, per session minute. PASS needs under 1.6 times the size of one minute
/// record. That it keeps one value-only record per minute and no session is tested (<c>Analysis.Tests/MemoryTests</c>).
/// </summary>
internal static class AnalysisMemoryRun
{
    public static int Run()
    {
        var verdict = new Verdict("analysis-memory");
        var start = new DateTimeOffset(2026, 10, 1, 15, 0, 0, TimeSpan.Zero);
        var instance = new WebinarInstance("seed21==", 81234500021, "acme", "Ground truth", "Host", "host@example.com", start, start.AddMinutes(90));
        var webinar = WebinarSimulator.Simulate(new WebinarSpec(instance, 2, 1000, 90, 21, PlantFaults: true));
        var analyzer = new QosAnalyzer();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var minutes = AddAll(analyzer, webinar);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(analyzer);

        var record = Unsafe.SizeOf<MinuteFacts>();
        var perMinute = retained / (double)minutes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{analyzer.Count:N0} sessions, {minutes:N0} session minutes: {retained / 1048576.0:0.0} MB retained, {perMinute:0} bytes a session minute; a minute record is {record} bytes (x{perMinute / record:0.00})"));
        verdict.Check(perMinute < record * 1.6, string.Create(CultureInfo.InvariantCulture, $"{perMinute:0} bytes a session minute is 1.6 times a {record}-byte record or more"));
        return verdict.Report();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long AddAll(QosAnalyzer analyzer, SimulatedWebinar webinar)
    {
        long minutes = 0;
        foreach (var participant in webinar.Participants())
        {
            analyzer.Add(participant);
            minutes += participant.UserQos!.Count;
        }

        return minutes;
    }
}
