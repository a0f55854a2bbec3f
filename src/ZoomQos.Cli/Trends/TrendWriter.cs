using System.Text;
using CsvHelper;

namespace ZoomQos.Cli.Trends;

/// <summary>Trend tables as aligned text, each under its title, or a trend's primary table as CSV.</summary>
internal static class TrendWriter
{
    public static string Text(IReadOnlyList<TrendTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append(table.Title).Append('\n');
            if (table.Rows.Count == 0)
            {
                text.Append("  (none)\n\n");
                continue;
            }

            var all = table.Rows.Prepend(table.Header).ToList();
            var widths = table.Header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
            foreach (var row in all)
            {
                text.Append("  ").AppendJoin("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static async Task CsvAsync(Stream output, TrendTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var name in table.Header)
        {
            csv.WriteField(name.ToLowerInvariant().Replace(" (utc)", string.Empty, StringComparison.Ordinal).Replace(" %", "_pct", StringComparison.Ordinal).Replace(' ', '_'));
        }

        csv.EndRecord();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }

        await csv.FlushAsync(cancellationToken);
    }
}
