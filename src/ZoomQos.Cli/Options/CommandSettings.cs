using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ZoomQos.Cli.Options;

/// <summary>
/// A command's options from its flags and, for each flag not given, from configuration: <c>appsettings.json</c> in
/// the current folder, then <c>--config FILE</c>, then <c>ZOOMQOS__KEY</c> environment variables (each later source
/// wins; a flag wins over all). A key is its flag in PascalCase (<c>--page-cache-mb</c>: <c>PageCacheMb</c>) and its
/// value is read by the flag's own parser, so it is checked as the flag is; a bad value or an unknown key stops the
/// command with one line that names it.
/// </summary>
internal sealed class CommandSettings
{
    public const string EnvironmentPrefix = "ZOOMQOS__";
    public const string LocalFile = "appsettings.json";

    private readonly ParseResult _parse;
    private readonly IConfiguration _config;

    private CommandSettings(ParseResult parse, IConfiguration config) => (_parse, _config) = (parse, config);

    /// <summary>Reads the sources and checks every key against <paramref name="options"/>.</summary>
    public static CommandSettings Read(ParseResult parse, CliContext context, string? configFile, IEnumerable<Option> options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        var builder = new ConfigurationBuilder();
        var local = Path.Combine(Directory.GetCurrentDirectory(), LocalFile);
        if (File.Exists(local))
        {
            builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            builder.AddJsonFile(File.Exists(path) ? path : throw new CliUsageException($"--config: no such file: {configFile}."), optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(context.EnvironmentVariables()
            .Where(v => v.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && v.Key.Length > EnvironmentPrefix.Length)
            .Select(v => new KeyValuePair<string, string?>(v.Key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), v.Value)));
        IConfiguration config;
        try
        {
            config = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            // The JSON reader's own words say where: "… LineNumber: 0 | BytePositionInLine: 11."
            var cause = ex.InnerException?.InnerException ?? ex.InnerException ?? ex;
            throw new CliUsageException("the configuration file is not valid JSON: " + cause.Message);
        }

        var known = options.Where(o => o.Name != "--config").ToDictionary(KeyOf, o => o, StringComparer.OrdinalIgnoreCase);
        foreach (var setting in config.GetChildren())
        {
            if (!known.ContainsKey(setting.Key))
            {
                throw new CliUsageException($"unknown setting '{setting.Key}' (in {LocalFile}, --config or {EnvironmentPrefix}{setting.Key.ToUpperInvariant()}); known: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}.");
            }
        }

        return new CommandSettings(parse, config);
    }

    /// <summary>The key of a flag: <c>--page-cache-mb</c> is <c>PageCacheMb</c>.</summary>
    public static string KeyOf(Option option) =>
        string.Concat(option.Name.TrimStart('-').Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The flag's value when given, else the configured one (read as the flag would be), else the flag's default.</summary>
    public T? Get<T>(Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (_parse.GetResult(option) is { Implicit: false } || _config[KeyOf(option)] is not { } text)
        {
            return _parse.GetValue(option);
        }

        var probe = new RootCommand { option };
        var parsed = probe.Parse([option.Name, text]);
        return parsed.Errors.Count == 0
            ? parsed.GetValue(option)
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"setting {KeyOf(option)} (from {LocalFile}, --config or {EnvironmentPrefix}{KeyOf(option).ToUpperInvariant()}): {parsed.Errors[0].Message}"));
    }
}
