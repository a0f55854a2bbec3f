using System.Runtime.CompilerServices;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis.Tests;

[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestGroup;

/// <summary>Measures the heap, so it runs alone: other tests allocating at the same time would be counted.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    [Fact]
    public void The_analyzer_keeps_compact_summaries_not_the_sessions()
    {
        var webinar = GroundTruthTests.Simulate(21, 1000, 90, panelists: 2, faults: true);
        var analyzer = new QosAnalyzer();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (minutes, gone) = AddAll(analyzer, webinar);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        GC.KeepAlive(analyzer);
        Assert.False(gone.TryGetTarget(out _), "a participant object is still referenced after Add");
        // What is kept is one classified record per session minute (plus a little per session), never the JSON.
        var record = Unsafe.SizeOf<MinuteFacts>();
        Assert.True(retained < minutes * record * 1.6, $"{retained / (double)minutes:0} bytes per session minute retained; a minute record is {record} bytes");
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
