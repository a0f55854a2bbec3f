using System.CommandLine;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Options;

/// <summary>The <c>--store</c> flag of every command that takes one, and opening what it names.</summary>
internal static class StoreOption
{
    /// <summary>The flag, saying what this command does with the store.</summary>
    /// <param name="description">What the store is for here; the accepted forms are added.</param>
    /// <param name="required">Whether the command needs one.</param>
    /// <param name="fallback">The store when none is given.</param>
    public static Option<string?> Create(string description, bool required = false, string? fallback = null)
    {
        var option = new Option<string?>("--store", "-s")
        {
            Description = description + " sqlite:PATH (embedded) or postgres:NPGSQL-CONNECTION-STRING.",
            Required = required,
        };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        return option;
    }

    /// <summary>The <c>--account</c> of a command that reads a store holding several accounts.</summary>
    public static Option<string?> Account() => new("--account") { Description = "The account in the store. Default: $ZOOM_ACCOUNT_ID, else demo." };

    /// <summary>The account asked for: the flag, else <c>$ZOOM_ACCOUNT_ID</c>, else the demo account.</summary>
    public static string AccountOf(ParseResult parse, Option<string?> account, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        return parse.GetValue(account) ?? context.GetEnvironmentVariable("ZOOM_ACCOUNT_ID") ?? "demo";
    }

    /// <summary>Opens and initializes (creates or migrates) the store; a bad name is a usage error.</summary>
    public static async Task<IQosStore> OpenAsync(string spec, CancellationToken cancellationToken)
    {
        IQosStore store;
        try
        {
            store = QosStores.Open(spec);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException("--store: " + ex.Message.Split(" (Parameter", 2)[0]);
        }

        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The account, or a clear failure naming how accounts get into a store.</summary>
    public static async Task<Contracts.Accounts.Account> RequireAccountAsync(IQosStore store, string accountId, CancellationToken cancellationToken) =>
        await store.GetAccountAsync(accountId, cancellationToken)
        ?? throw new CliFailureException($"the store has no account '{accountId}'; 'zoomqos archive' or 'zoomqos import' creates the account it writes into.");
}
