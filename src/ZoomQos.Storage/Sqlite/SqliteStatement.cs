using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ZoomQos.Storage.Sqlite;

/// <summary>
/// One prepared statement on a connection's handle, through SQLite's C API: parameters bound by position from spans,
/// no per-execution name lookup or boxing of each value (decision 0026).
/// It runs in whatever transaction the connection has open. Every failing call throws <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _handle;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_handle, sql, out _statement));
    }

    /// <summary>The rows the last completed statement on the connection inserted, updated or deleted.</summary>
    public int Changes => raw.sqlite3_changes(_handle);

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, string? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, ReadOnlySpan<byte> blob) => Check(raw.sqlite3_bind_blob(_statement, index, blob));

    /// <summary>Steps once: true with a row to read, false when the statement is done (then reset it to run it again).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            Check(rc);
        }

        return false;
    }

    /// <summary>Runs the statement to its end, then makes it ready to run again (its bindings kept).</summary>
    public void Run()
    {
        while (Step())
        {
        }

        Reset();
    }

    public void Reset() => Check(raw.sqlite3_reset(_statement));

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _handle);
}
