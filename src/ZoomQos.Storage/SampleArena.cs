using System.Buffers;

namespace ZoomQos.Storage;

/// <summary>
/// Where a page's sample JSON is read to: chunks rented from the shared array pool, returned when the page is
/// disposed. A page of 10 sessions × 90 samples is about 860 KB; read as one array per sample it was 900
/// allocations per page for the garbage collector (docs/decisions/0011).
/// </summary>
internal sealed class SampleArena : IDisposable
{
    private const int ChunkSize = 128 * 1024;
    private readonly List<byte[]> _chunks = [];
    private byte[]? _current;
    private int _used;

    /// <summary>Copies <paramref name="data"/> into the arena and returns where it now is.</summary>
    public ReadOnlyMemory<byte> Add(ReadOnlySpan<byte> data)
    {
        var room = Reserve(data.Length);
        data.CopyTo(room);
        return room;
    }

    /// <summary>Room for <paramref name="length"/> bytes, for the caller to fill.</summary>
    public ArraySegment<byte> Reserve(int length)
    {
        if (length > ChunkSize / 4)
        {
            return new byte[length]; // a rare large value gets an array of its own
        }

        if (_current is null || _current.Length - _used < length)
        {
            _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
            _chunks.Add(_current);
            _used = 0;
        }

        var room = new ArraySegment<byte>(_current, _used, length);
        _used += length;
        return room;
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
