using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// <c>fetch --format ndjson</c> over Zoom-shaped pages (the documented sample, the full-schema fixture with unknown
/// fields and unparseable values): each session on one line, as the API sent it, whether the API wrote it compact
/// (the same bytes) or over several lines (the same tokens).
/// </summary>
public sealed class FetchNdjsonTests
{
    [Theory]
    [InlineData("seed-sample-200.json", false)]
    [InlineData("full-schema.json", false)]
    [InlineData("full-schema.json", true)]
    public async Task Each_session_is_one_line_as_the_api_sent_it(string fixture, bool indented)
    {
        var page = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)))!;
        page["next_page_token"] = "";
        var body = page.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var environment = new Dictionary<string, string> { ["ZOOMQOS_BASE_URL"] = "https://api.zoom.test/v2", ["ZOOM_ACCESS_TOKEN"] = "fixture-token" };

        var run = await CliHarness.RunAsync(["fetch", "81234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "none"], environment, _ => new Answer(body));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sent = page["participants"]!.AsArray();
        Assert.Equal(sent.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(sent[i], JsonNode.Parse(lines[i])), $"line {i + 1} differs from the session sent");
            if (!indented)
            {
                Assert.Contains(lines[i], body, StringComparison.Ordinal); // byte for byte what the page held
            }
        }
    }

    [Fact]
    public async Task Output_to_a_pipe_is_written_to_it_and_leaves_it_a_pipe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("zoomqos-fifo-");
        try
        {
            var fifo = Path.Combine(folder.FullName, "out");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
            {
                await mkfifo.WaitForExitAsync();
            }

            var body = """{"page_size":1,"total_records":1,"next_page_token":"","participants":[{"user_id":"1","user_qos":[]}]}""";
            var environment = new Dictionary<string, string> { ["ZOOMQOS_BASE_URL"] = "https://api.zoom.test/v2", ["ZOOM_ACCESS_TOKEN"] = "fixture-token" };
            var read = Task.Run(() => File.ReadAllTextAsync(fifo)); // its open returns once the fetch opens the pipe to write
            var run = await CliHarness.RunAsync(["fetch", "81234567890", "--type", "past", "--format", "ndjson", "--rate-plan", "none", "--output", fifo], environment, _ => new Answer(body));

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(0, new FileInfo(fifo).Length); // still the pipe: a file moved onto it would hold the line
            Assert.Single(folder.GetFileSystemInfos()); // and no temporary file beside it
            Assert.Equal("{\"user_id\":\"1\",\"user_qos\":[]}\n", await read); // the fetch wrote and closed it: the read has its end
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class Answer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
