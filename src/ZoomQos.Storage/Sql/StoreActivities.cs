using System.Diagnostics;

namespace ZoomQos.Storage.Sql;

/// <summary>
/// The store's spans, <c>ZoomQos.Storage</c>: one per read or write a request makes, named for the store method, so
/// that a trace shows where a request's time went. Made only when a tracer listens (the server's, with OTLP on).
/// </summary>
public static class StoreActivities
{
    /// <summary>The source's name, for a tracer to listen to.</summary>
    public const string SourceName = "ZoomQos.Storage";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a span for one store call; null when nobody listens.</summary>
    /// <param name="operation">The store method.</param>
    /// <param name="kind">The store's kind, "SQLite" or "PostgreSQL" (<c>db.system.name</c>: <c>sqlite</c>, <c>postgresql</c>).</param>
    internal static Activity? Start(string operation, string kind)
    {
        // Nothing is made, not even the span's name, when no tracer listens: the store's reads are on every request.
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("store " + operation, ActivityKind.Client);
        activity?.SetTag("db.system.name", kind.ToLowerInvariant());
        activity?.SetTag("db.operation.name", operation);
        return activity;
    }
}
