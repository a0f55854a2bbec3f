using System.CommandLine;
using ZoomQos.Analysis;

namespace ZoomQos.Cli.Options;

/// <summary><c>--preset</c> and <c>--thresholds</c>, and the thresholds they give.</summary>
internal sealed class ThresholdOptions
{
    public ThresholdOptions()
    {
        Preset.AcceptOnlyFromAmong("default", "teams-cqd");
    }

    public Option<string> Preset { get; } = new("--preset") { Description = "Thresholds: default (the quality model) or teams-cqd (Microsoft's stricter rules).", DefaultValueFactory = _ => "default" };

    public Option<string?> File { get; } = new("--thresholds") { Description = "A JSON file of thresholds overriding the preset's, e.g. {\"latency_poor_ms\": 300}." };

    public IEnumerable<Option> All => [Preset, File];

    /// <summary>The preset with the file's values; a missing or bad file is a usage error.</summary>
    public async Task<Thresholds> ReadAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var rules = Thresholds.ForPreset(parse.GetValue(Preset)!);
        if (parse.GetValue(File) is not { } file)
        {
            return rules;
        }

        if (!System.IO.File.Exists(file))
        {
            throw new CliUsageException($"--thresholds: '{file}' does not exist.");
        }

        try
        {
            return rules.WithOverrides(await System.IO.File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"--thresholds {file}: {ex.Message}");
        }
    }
}
