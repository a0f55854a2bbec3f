using System.Globalization;
using System.Text;

namespace ZoomQos.Cli.Connection;

/// <summary>
/// The <c>--verbose</c> request trail: one line per HTTP attempt on stderr with method, path, status, Zoom's
/// tracking id, how long it took and how long the client waited since the previous response (rate pacing and
/// retry back-off). Headers are never printed, so no bearer token or secret can leak; page tokens are shortened.
/// </summary>
internal sealed class RequestTrail(TextWriter error, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _lastResponse;

    public long Start() => time.GetTimestamp();

    public void Write(HttpRequestMessage request, HttpResponseMessage? response, long started, Exception? failure)
    {
        var now = time.GetTimestamp();
        var took = time.GetElapsedTime(started, now);
        string line;
        lock (_gate)
        {
            var waited = _lastResponse == 0 || started < _lastResponse ? TimeSpan.Zero : time.GetElapsedTime(_lastResponse, started);
            _lastResponse = now;
            var outcome = response is null
                ? "failed: " + (failure?.GetType().Name ?? "no response")
                : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                    + (response.Headers.TryGetValues("x-zm-trackingid", out var ids) ? " tracking " + ids.First() : string.Empty)
                    + (response.Headers.TryGetValues("Retry-After", out var after) ? " retry-after " + after.First() : string.Empty);
            line = string.Create(
                CultureInfo.InvariantCulture,
                $"zoomqos: {request.Method} {Describe(request.RequestUri)} -> {outcome} in {took.TotalMilliseconds:0} ms, waited {waited.TotalMilliseconds:0} ms");
        }

        error.WriteLine(line);
    }

    /// <summary>The path and query with every page token cut to its first 8 characters.</summary>
    internal static string Describe(Uri? uri)
    {
        if (uri is null)
        {
            return "?";
        }

        var text = new StringBuilder(uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            text.Append('?');
            var first = true;
            foreach (var pair in query.Split('&'))
            {
                text.Append(first ? string.Empty : "&");
                first = false;
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                text.Append(eq > 0 && pair[..eq] is "next_page_token" && pair.Length - eq - 1 > 8 ? pair[..(eq + 9)] + "…" : pair);
            }
        }

        return text.ToString();
    }
}

/// <summary>Feeds <see cref="RequestTrail"/> from the transport, so that every attempt (retries included) is seen.</summary>
internal sealed class RequestTrailHandler(RequestTrail trail) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = trail.Start();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            trail.Write(request, response, started, null);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            trail.Write(request, null, started, ex);
            throw;
        }
    }
}

/// <summary>
/// <c>fetch --raw</c>: each response's status and body, and the headers of a failed one, as Zoom's request
/// sample prints them. The body is buffered so that the client still reads it afterwards.
/// </summary>
internal sealed class RawResponseHandler(TextWriter output) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await output.WriteLineAsync($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} {request.Method} {RequestTrail.Describe(request.RequestUri)}");
            if (!response.IsSuccessStatusCode)
            {
                foreach (var header in response.Headers.Concat(response.Content.Headers))
                {
                    await output.WriteLineAsync($"{header.Key}: {string.Join(", ", header.Value)}");
                }
            }

            await output.WriteLineAsync(body);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
