using System.Text;

namespace ZoomQos.Cli.Admin;

/// <summary>
/// A password for <c>users add</c>, never from a flag (it would sit in the shell's history and in <c>ps</c>): the first
/// line of stdin when stdin is redirected, otherwise typed twice at a prompt on stderr without echo.
/// </summary>
internal static class PasswordInput
{
    /// <summary>The process's console: what <see cref="CliContext.ReadPassword"/> is outside tests.</summary>
    public static async Task<string?> ReadFromConsoleAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        }

        var first = Prompt("Password: ");
        var again = Prompt("Password again: ");
        return string.Equals(first, again, StringComparison.Ordinal)
            ? first
            : throw new CliUsageException("the two passwords differ; nothing was changed.");
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
