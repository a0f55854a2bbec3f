using System.Buffers;

namespace ZoomQos.Storage;

/// <summary>
/// Where a page's sample JSON is read to: 64 KB chunks rented from the shared array pool, returned when the page is
/// disposed. A page of 10 sessions × 90 samples is about 860 KB; read as one array per sample it was 900
/// allocations per page for the garbage collector (docs/decisions/0011).
/// </summary>
internal sealed class SampleArena : IDisposable
{
    // Under the large-object heap's 85,000 bytes: a page that is never disposed leaves ordinary gen-0 garbage.
    private const int ChunkSize = 64 * 1024;
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
            _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
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
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _current = null;
    }
}
