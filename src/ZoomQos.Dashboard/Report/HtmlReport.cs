using System.Net;
using System.Text;
using System.Text.Json;

namespace ZoomQos.Dashboard.Report;

/// <summary>
/// The HTML report: one self-contained file that works offline. The verdict and top causes come first, then
/// breakdown charts, the webinar's timeline with the panelist episodes and the attendees they hit, each charted
/// participant's loss, jitter, latency, bitrate and frame rate with poor minutes marked, and a sortable, filterable
/// table of every participant. The page (<c>assets/report.html</c>), its script (<c>assets/report.js</c>, which draws
/// everything from the report document alone) and Chart.js (from npm) are embedded assets; the document goes in once,
/// as a JSON island written straight into the stream.
/// </summary>
public static class HtmlReport
{
    private static readonly Lazy<Page> Assets = new(Page.Load);

    /// <summary>Writes the page of a report document.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="report">The document.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <param name="after">A script to run after the report's own (the dashboard's live refresh), or none.</param>
    public static async Task WriteAsync(Stream output, ReportDocument report, CancellationToken cancellationToken, string? after = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var page = Assets.Value;
        await output.WriteAsync(page.BeforeTitle, cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes(WebUtility.HtmlEncode($"ZoomQos report — {report.Title.ToLowerInvariant()[0]}{report.Title[1..]}")), cancellationToken);
        await output.WriteAsync(page.BeforeChartJs, cancellationToken);
        await output.WriteAsync(page.ChartJs, cancellationToken);
        await output.WriteAsync(page.BeforeData, cancellationToken);

        // JSON in a script element: only "</" could end it early, and the report's encoder writes '<' as \u003C.
        await JsonSerializer.SerializeAsync(output, report, ReportJsonContext.Default.ReportDocument, cancellationToken);
        await output.WriteAsync(page.BeforeScript, cancellationToken);
        await output.WriteAsync(page.Script, cancellationToken);
        if (after is not null)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes("</script>\n<script>" + after.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)), cancellationToken);
        }

        await output.WriteAsync(page.End, cancellationToken);
    }

    /// <summary>The page cut at its four places, once, and the two scripts that go in.</summary>
    private sealed record Page(byte[] BeforeTitle, byte[] BeforeChartJs, byte[] BeforeData, byte[] BeforeScript, byte[] End, byte[] ChartJs, byte[] Script)
    {
        public static Page Load()
        {
            var html = Read("report.html");
            var parts = html.Split(["<!--ZOOMQOS:TITLE-->", "<!--ZOOMQOS:CHARTJS-->", "<!--ZOOMQOS:DATA-->", "<!--ZOOMQOS:SCRIPT-->"], StringSplitOptions.None);
            if (parts.Length != 5)
            {
                throw new InvalidOperationException("The report's page has lost one of its places for the title, Chart.js, the data or the script.");
            }

            static byte[] Script(string code) => Encoding.UTF8.GetBytes(code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
            return new Page(
                Encoding.UTF8.GetBytes(parts[0]),
                Encoding.UTF8.GetBytes(parts[1]),
                Encoding.UTF8.GetBytes(parts[2]),
                Encoding.UTF8.GetBytes(parts[3]),
                Encoding.UTF8.GetBytes(parts[4]),
                Script(Read("chart.umd.min.js")),
                Script(Read("report.js")));
        }

        private static string Read(string name)
        {
            using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The report's {name} is missing from the build.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
