using BenchmarkDotNet.Attributes;
using ZoomQos.Storage;
using ZoomQos.Storage.Sqlite;

namespace ZoomQos.Benchmarks.Storage;

/// <summary>
/// Issue 3: reading a page of 10 sessions × 90 samples from a store of 1,000 sessions, at page 1 and at
/// page 100 (the last): keyset reads cost the same at any depth.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StorePageReadBenchmarks
{
    private string _path = string.Empty;
    private SqliteQosStore? _store;
    private ParticipantCursor? _page100;

    [GlobalSetup]
    public async Task Fill()
    {
        _path = StoreData.TempPath();
        _store = await StoreData.NewStoreAsync(_path);
        await _store.MergeParticipantsAsync(StoreData.Instance.Uuid, StoreData.Participants().ToAsyncEnumerable());
        ParticipantCursor? cursor = null;
        for (var page = 1; page < 100; page++)
        {
            cursor = (await _store.ReadParticipantsAsync(StoreData.Instance.Uuid, cursor, 10)).Next;
        }

        _page100 = cursor ?? throw new InvalidOperationException("the store has fewer than 100 pages");
    }

    [GlobalCleanup]
    public async Task Delete()
    {
        await _store!.DisposeAsync();
        StoreData.Delete(_path);
    }

    // Each page is disposed once read, as the server does after writing it: its pooled buffers go back.
    [Benchmark(Baseline = true, Description = "Page 1 (10 sessions x 90 samples)")]
    public async Task<int> Page1()
    {
        using var page = await _store!.ReadParticipantsAsync(StoreData.Instance.Uuid, null, 10);
        return page.Participants.Count;
    }

    [Benchmark(Description = "Page 100 (the last)")]
    public async Task<int> Page100()
    {
        using var page = await _store!.ReadParticipantsAsync(StoreData.Instance.Uuid, _page100, 10);
        return page.Participants.Count;
    }
}
