using System.Text.Json.Nodes;

namespace ZoomQos.Cli.Tests;

/// <summary><c>zoomqos fetch --summary</c>: Zoom's QSS summaries through the SDK, against the demo server.</summary>
public sealed class FetchSummaryTests(CliHarness cli) : IClassFixture<CliHarness>
{
    private readonly CliHarness _cli = cli;

    [Fact]
    public async Task Every_participants_summary_is_one_ndjson_line_or_one_json_document()
    {
        var ndjson = await _cli.RunAsync("fetch", "81234567894", "--summary", "--format", "ndjson", "--page-size", "5", "--rate-plan", "none");
        var json = await _cli.RunAsync("fetch", "81234567894", "--summary", "--format", "json", "--rate-plan", "none");

        Assert.True(ndjson.ExitCode == 0, ndjson.ToString());
        var lines = ndjson.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(12, lines.Count);
        Assert.Equal(12, lines.Select(l => l["participant_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Contains(lines, l => l["user_name"]!.GetValue<string>() == "Vint Cerf" && l["qos"]!.AsArray().Any(q => q!["type"]!.GetValue<string>() == "audio_output" && q["details"]!["avg_latency"] is not null));
        Assert.Contains("12 participant summaries in 3 pages", ndjson.Stderr, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. lines.Select(l => l.DeepClone())]), JsonNode.Parse(json.Stdout)!["participants"]));
    }

    [Fact]
    public async Task Another_format_is_a_usage_error_and_an_account_without_qss_gets_zooms_answer()
    {
        var csv = await _cli.RunAsync("fetch", "81234567894", "--summary", "--format", "csv");
        var hipaa = await CliHarness.RunAsync(["fetch", "82234567890", "--summary", "--format", "ndjson", "--rate-plan", "none"], CliHarness.DemoEnvironment(_cli.Server, "demo-hipaa-client-id", "demo-hipaa-client-secret", "demo-hipaa"));

        Assert.Equal(2, csv.ExitCode);
        Assert.Contains("--summary writes --format json or ndjson", csv.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, hipaa.ExitCode);
        Assert.Contains("event subscription not found", hipaa.Stderr, StringComparison.Ordinal);
        Assert.Empty(hipaa.Stdout);
    }
}
