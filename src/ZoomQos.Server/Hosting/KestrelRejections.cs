using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Server.Hosting;

/// <summary>
/// Kestrel refuses some requests while parsing them, before any middleware runs, with a bare 4xx (no body,
/// <c>Connection: close</c>): an encoded NUL in the path, a request line or headers beyond its limits. Its
/// maintainers document that such responses cannot be customised
/// (https://github.com/aspnet/KestrelHttpServer/issues/2947). This connection middleware gives them Zoom's
/// error body: it watches what Kestrel writes to the socket and, when a write begins with such a response head,
/// writes the same status with a JSON body in Zoom's shape, code 300 (the request was not parsed, so the token
/// endpoint cannot be told apart; its OAuth shape is not used here). The application never answers a 4xx
/// without a body, so nothing it writes is touched.
/// </summary>
internal static class KestrelRejections
{
    public static IConnectionBuilder UseZoomBodiedRejections(this IConnectionBuilder connection) =>
        connection.Use(next => async context =>
        {
            var transport = context.Transport;
            context.Transport = new RewritingPipe(transport);
            try
            {
                await next(context);
            }
            finally
            {
                context.Transport = transport;
            }
        });

    /// <summary>The response head of a Kestrel rejection, if <paramref name="written"/> begins with one; else 0.</summary>
    internal static int RejectionStatus(ReadOnlySpan<byte> written)
    {
        ReadOnlySpan<byte> prefix = "HTTP/1.1 4"u8;
        if (written.Length < 16 || !(written.StartsWith(prefix) || written.StartsWith("HTTP/1.0 4"u8)))
        {
            return 0;
        }

        var end = written.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return 0;
        }

        var head = written[..(end + 2)];
        if (head.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0 || head.IndexOf("\r\nConnection: close\r\n"u8) < 0)
        {
            return 0;
        }

        return int.TryParse(written.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0;
    }

    internal static byte[] Response(int status)
    {
        var message = status switch
        {
            414 => "The request URI is too long.",
            431 => "The request headers are too large.",
            413 => "The request is too large.",
            408 => "The request timed out.",
            _ => "Invalid request.",
        };
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new ZoomError { Code = 300, Message = message }, ZoomJsonContext.Wire.ZoomError);
        var reason = status switch
        {
            400 => "Bad Request",
            408 => "Request Timeout",
            413 => "Payload Too Large",
            414 => "URI Too Long",
            431 => "Request Header Fields Too Large",
            _ => "Bad Request",
        };
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nDate: {DateTime.UtcNow:R}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"));
        return [.. head, .. body];
    }

    private sealed class RewritingPipe(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input { get; } = inner.Input;

        public PipeWriter Output { get; } = new RewritingWriter(inner.Output);
    }

    /// <summary>
    /// Passes everything through; only the first write after a flush is looked at, since a response head
    /// starts a flush.
    /// </summary>
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _lent;
        private bool _atFlushStart = true;

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            if (_atFlushStart && bytes > 0)
            {
                _atFlushStart = false;
                var status = RejectionStatus(_lent.Span[..Math.Min(bytes, _lent.Length)]);
                if (status > 0)
                {
                    var response = Response(status);
                    response.CopyTo(inner.GetSpan(response.Length));
                    inner.Advance(response.Length);
                    return;
                }
            }

            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            _atFlushStart = true;
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }
}
