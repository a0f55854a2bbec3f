using System.Runtime.CompilerServices;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis.Tests;

/// <summary>
/// What the analyzer keeps of a session: one compact record per sampled minute, never the session itself. The heap
/// those records take is a figure (bytes per session minute), measured by <c>bench -- analysis-memory</c>.
/// </summary>
public sealed class MemoryTests
{
    [Fact]
    public void The_analyzer_keeps_one_record_per_session_minute_and_no_reference_to_the_sessions()
    {
        var webinar = GroundTruthTests.Simulate(21, 200, 90, panelists: 2, faults: true);
        var analyzer = new QosAnalyzer();

        var (minutes, gone) = AddAll(analyzer, webinar);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(gone.TryGetTarget(out _), "a participant object is still referenced after Add");
        Assert.Equal(minutes, analyzer.MinutesHeld);
        // The minute record holds values only: no string, array or object of the JSON can hang off it.
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<MinuteFacts>(), "MinuteFacts holds a reference");
        GC.KeepAlive(analyzer);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Minutes, WeakReference<ParticipantQos> Last) AddAll(QosAnalyzer analyzer, ZoomQos.Simulation.SimulatedWebinar webinar)
    {
        long minutes = 0;
        WeakReference<ParticipantQos>? last = null;
        foreach (var participant in webinar.Participants())
        {
            analyzer.Add(participant);
            minutes += participant.UserQos!.Count;
            last = new WeakReference<ParticipantQos>(participant);
        }

        return (minutes, last!);
    }
}
