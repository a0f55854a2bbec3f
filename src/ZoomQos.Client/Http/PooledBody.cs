using System.Buffers;

namespace ZoomQos.Client.Http;

/// <summary>
/// A response body read into an array rented from the shared pool, returned on dispose: a page is about 1 MB,
/// and renting keeps each one off the large-object heap, so a long walk's memory stays flat.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;
    private int _length;

    private PooledBody(byte[] buffer) => _buffer = buffer;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public static async Task<PooledBody> ReadAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        var body = new PooledBody(ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < int.MaxValue ? (int)contentLength.Value : 64 * 1024));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken)) > 0)
            {
                body._length += read;
                if (body._length == body._buffer!.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(body._buffer.Length * 2);
                    body._buffer.AsSpan().CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(body._buffer);
                    body._buffer = larger;
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
