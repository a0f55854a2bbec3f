using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ZoomQos.Benchmarks.Support;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Benchmarks.Contracts;

/// <summary>
/// Decision 0014: writing a list page's 10 participants (90 samples each) as wire JSON with the framework's default
/// encoder (which escapes <c>'</c>, <c>+</c> and every non-ASCII character) and with <see cref="ZoomJsonEncoder"/>
/// (which escapes only what JSON requires). The server writes this once per merged session.
/// </summary>
[MemoryDiagnoser]
public class WireEncodingBenchmarks
{
    private readonly IReadOnlyList<ParticipantQos> _participants =
        JsonSerializer.Deserialize(QosPageFactory.Create(), ZoomJsonContext.Default.ParticipantQosPage)!.Participants!;

    [Benchmark(Baseline = true, Description = "default encoder")]
    public long Default() => Write(ZoomJsonContext.Default);

    [Benchmark(Description = "ZoomJsonEncoder (wire)")]
    public long Wire() => Write(ZoomJsonContext.Wire);

    private long Write(ZoomJsonContext context)
    {
        long bytes = 0;
        foreach (var participant in _participants)
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(participant, context.ParticipantQos).Length;
        }

        return bytes;
    }
}
