using System.Buffers;

namespace ZoomQos.Storage;

/// <summary>
/// Where a page's sample JSON is read to: 64 KB chunks rented from a pool of the arena's own, returned when the page is
/// disposed. A page of 10 sessions × 90 samples is about 860 KB; read as one array per sample it was 900
/// allocations per page for the garbage collector (docs/decisions/0011).
/// </summary>
internal sealed class SampleArena : IDisposable
{
    // Under the large-object heap's 85,000 bytes: a page that is never disposed leaves ordinary gen-0 garbage.
    private const int ChunkSize = 64 * 1024;

    // A pool of its own. The shared pool keeps a few dozen arrays of a size on a 2-core machine and trims them at
    // each gen-2 collection: under the soak's load (10 pages in flight, 14 chunks each) it missed, the misses became
    // gen-2 garbage, and the server ran 0.13 to 0.67 gen-2 collections a second with a heap swinging 39 to 57 MB.
    // This one is never trimmed: gen-2 collections fell to under 0.05 a second (docs/decisions/0011). It keeps up
    // to 256 chunks (16 MB, 18 pages); more go to the collector. The server bounds its pages in flight (8 on 2
    // cores, docs/decisions/0012), so it never holds more than those pages use.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(ChunkSize, maxArraysPerBucket: 256);
    private readonly List<byte[]> _chunks = [];
    private byte[]? _current;
    private int _used;

    /// <summary>Copies <paramref name="data"/> into the arena and returns where it now is.</summary>
    public ReadOnlyMemory<byte> Add(ReadOnlySpan<byte> data)
    {
        if (data.Length > ChunkSize / 4)
        {
            return data.ToArray(); // a rare large value gets an array of its own
        }

        if (_current is null || _current.Length - _used < data.Length)
        {
            _current = Pool.Rent(ChunkSize);
            _chunks.Add(_current);
            _used = 0;
        }

        data.CopyTo(_current.AsSpan(_used));
        var memory = new ReadOnlyMemory<byte>(_current, _used, data.Length);
        _used += data.Length;
        return memory;
    }

    /// <summary>Returns the chunks to the pool; what <see cref="Add"/> returned must no longer be read.</summary>
    public void Dispose()
    {
        foreach (var chunk in _chunks)
        {
            Pool.Return(chunk);
        }

        _chunks.Clear();
        _current = null;
    }
}
