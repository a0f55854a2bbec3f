using ZoomQos.Storage.Sqlite;

namespace ZoomQos.Storage;

/// <summary>Opens a store from its name as the CLI and the server take it: <c>sqlite:PATH</c> or <c>postgres:NPGSQL-CONNECTION-STRING</c>.</summary>
public static class QosStores
{
    /// <summary>Opens (does not yet initialise) the named store.</summary>
    /// <param name="spec">The store name, e.g. <c>sqlite:zoomqos.db</c>.</param>
    /// <exception cref="ArgumentException">The name is not one this version understands; the message says what is.</exception>
    public static IQosStore Open(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && spec.Length > "sqlite:".Length)
        {
            return new SqliteQosStore(spec["sqlite:".Length..]);
        }

        if (spec.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) && spec.Length > "postgres:".Length)
        {
            return new Postgres.PostgresQosStore(spec["postgres:".Length..]);
        }

        // The name is not echoed: a mistyped connection string may hold a password.
        throw new ArgumentException("The store name must start with sqlite: or postgres: (for example sqlite:zoomqos.db, or postgres:Host=db;Database=zoomqos;Username=zoomqos).", nameof(spec));
    }
}
