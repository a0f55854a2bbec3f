namespace ZoomQos.Storage.Sql;

/// <summary>Which SQL a <see cref="SqlQosStore"/> speaks where the two differ.</summary>
public enum SqlDialect
{
    /// <summary>SQLite: the embedded default.</summary>
    Sqlite,

    /// <summary>PostgreSQL: several nodes, binary COPY merges.</summary>
    Postgres,
}
