using System.CommandLine;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>The <c>--store</c> flag and opening what it names.</summary>
internal static class StoreOption
{
    public static Option<string> Create(bool required = true)
    {
        var option = new Option<string>("--store", "-s")
        {
            Description = "The store: sqlite:PATH (embedded) or postgres:CONNECTION-STRING.",
            Required = required,
        };
        if (!required)
        {
            option.DefaultValueFactory = _ => "sqlite:zoomqos.db";
        }

        return option;
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
}
