using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ZoomQos.Server.Tests.Support;

/// <summary>An HTTP/1.1 exchange over a raw socket: the request goes out byte for byte, as a hostile client writes it.</summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Body)
    {
        public JsonNode? Json
        {
            get
            {
                try
                {
                    return JsonNode.Parse(Body);
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            }
        }
    }

    public static async Task<Response> SendAsync(Uri server, string method, string target, IEnumerable<string>? headers = null, byte[]? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers ?? [])
        {
            head.Append(header).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
        if (body is not null)
        {
            try
            {
                await stream.WriteAsync(body);
            }
            catch (IOException)
            {
                // The server may answer and close before it reads a body it refuses.
            }
        }

        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer);
        }
        catch (IOException)
        {
        }

        return Parse(buffer.ToArray());
    }

    public static Response Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return new Response(0, text);
        }

        var headers = text[..split];
        var statusLine = headers.Split("\r\n")[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], out var code) ? code : 0;
        var body = text[(split + 4)..];
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = new StringBuilder();
            var rest = body;
            while (true)
            {
                var end = rest.IndexOf("\r\n", StringComparison.Ordinal);
                if (end < 0 || !int.TryParse(rest[..end], System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
                {
                    break;
                }

                decoded.Append(rest.AsSpan(end + 2, Math.Min(size, rest.Length - end - 2)));
                rest = rest[Math.Min(rest.Length, end + 2 + size + 2)..];
            }

            body = decoded.ToString();
        }

        return new Response(status, body);
    }
}
