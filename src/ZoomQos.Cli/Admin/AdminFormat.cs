using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ZoomQos.Cli.Commands;

namespace ZoomQos.Cli.Admin;

/// <summary>The <c>--format</c> of the administration commands: aligned text columns for people, or JSON for scripts.</summary>
internal static class AdminFormat
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format", "-f") { Description = "text (aligned columns) or json.", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static bool IsJson(ParseResult parse, Option<string> format)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(format) == "json";
    }

    /// <summary>Writes rows as JSON, or as columns under a header (a note on stderr when there are none).</summary>
    public static async Task WriteAsync<T>(CliContext context, ParseResult parse, Option<string> format, IReadOnlyList<T> rows, JsonTypeInfo<IReadOnlyList<T>> json, string[] header, Func<T, string[]> cells)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(cells);
        if (IsJson(parse, format))
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(rows, json));
            return;
        }

        if (rows.Count == 0)
        {
            await CommandRunner.Say(context, CommandRunner.NameOf(parse), "none.");
            return;
        }

        var table = rows.Select(cells).Prepend(header).ToList();
        var widths = header.Select((_, i) => table.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in table)
        {
            text.AppendJoin("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        }

        await context.Out.WriteAsync(text.ToString());
    }
}
