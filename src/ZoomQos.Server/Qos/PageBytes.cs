using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Win32.SafeHandles;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>A page's bytes to send, wherever they are: the next page token left out at <see cref="TokenAt"/>, and the cursor that token carries.</summary>
internal interface IPageBytes
{
    int Length { get; }

    int TokenAt { get; }

    ParticipantCursor? Next { get; }

    int Rows { get; }

    /// <summary>Writes <paramref name="count"/> bytes from <paramref name="from"/> into <paramref name="body"/> (not flushed).</summary>
    void CopyTo(PipeWriter body, int from, int count);
}

/// <summary>A page just encoded, in memory: in a pooled buffer when <paramref name="Owner"/> is given, returned on dispose.</summary>
internal sealed record EncodedPage(ReadOnlyMemory<byte> Bytes, int TokenAt, ParticipantCursor? Next, int Rows, IDisposable? Owner = null) : IPageBytes, IDisposable
{
    public int Length => Bytes.Length;

    public void CopyTo(PipeWriter body, int from, int count) => body.Write(Bytes.Span.Slice(from, count));

    public void Dispose() => Owner?.Dispose();
}

/// <summary>Where <see cref="PageCache"/> keeps a page: its file, and what <see cref="IPageBytes"/> says of it.</summary>
internal sealed record PageFile(string Path, int Length, int TokenAt, ParticipantCursor? Next, int Rows);

/// <summary>
/// A kept page being sent: its file open and read straight into the response's own buffers (<c>pread</c> into the
/// pipe's memory: one copy, as from memory, with no copy of the page on the heap).
/// </summary>
internal sealed class KeptPage(SafeFileHandle file, PageFile page) : IPageBytes, IDisposable
{
    public int Length => page.Length;

    public int TokenAt => page.TokenAt;

    public ParticipantCursor? Next => page.Next;

    public int Rows => page.Rows;

    public void CopyTo(PipeWriter body, int from, int count)
    {
        while (count > 0)
        {
            var span = body.GetSpan(count);
            var read = RandomAccess.Read(file, span[..Math.Min(span.Length, count)], from);
            if (read <= 0)
            {
                throw new IOException("A kept page's file ended before its length.");
            }

            body.Advance(read);
            (from, count) = (from + read, count - read);
        }
    }

    public void Dispose() => file.Dispose();
}
