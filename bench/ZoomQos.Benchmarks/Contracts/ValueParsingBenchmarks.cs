using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Benchmarks.Contracts;

/// <summary>
/// Why ZoomQos parses "126 ms" by hand (docs/decisions/0003-qos-value-parsing.md): 1,000 bitrate and latency
/// strings as Zoom writes them, through the library's parser and through the two usual alternatives.
/// </summary>
[MemoryDiagnoser]
public partial class ValueParsingBenchmarks
{
    private static readonly string[] Texts = CreateTexts();

    [Benchmark(Baseline = true, Description = "Regex + double.TryParse")]
    public double RegexParse()
    {
        var sum = 0.0;
        foreach (var text in Texts)
        {
            var match = NumberAndUnit().Match(text);
            if (match.Success && double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                sum += match.Groups[2].ValueSpan.Equals("ms", StringComparison.OrdinalIgnoreCase) ? number : number * 1000;
            }
        }

        return sum;
    }

    [Benchmark(Description = "Trim unit + double.TryParse")]
    public double TrimAndParse()
    {
        var sum = 0.0;
        foreach (var text in Texts)
        {
            var ms = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase);
            var digits = text.AsSpan(0, text.Length - (ms ? 2 : 4)).Trim();
            if (double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                sum += ms ? number : number * 1000;
            }
        }

        return sum;
    }

    [Benchmark(Description = "ZoomQos value types")]
    public double ValueTypes()
    {
        var sum = 0.0;
        for (var i = 0; i < Texts.Length; i++)
        {
            sum += i % 2 == 0 ? Bitrate.Parse(Texts[i]).BitsPerSecond ?? 0 : Milliseconds.Parse(Texts[i]).Value ?? 0;
        }

        return sum;
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(kbps|ms)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberAndUnit();

    private static string[] CreateTexts()
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, 1000).Select(i => i % 2 == 0
            ? (i % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(2000) + (random.Next(100) / 100.0):0.##}kbps") : string.Create(CultureInfo.InvariantCulture, $"{random.Next(2000)} kbps"))
            : string.Create(CultureInfo.InvariantCulture, $"{random.Next(400)} ms"))];
    }
}
