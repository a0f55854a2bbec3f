using Npgsql;

namespace ZoomQos.Storage.Postgres;

/// <summary>A session advisory lock and the connection that holds it.</summary>
internal sealed class PostgresLease(NpgsqlConnection connection, string key) : IStoreLease
{
    public async Task<bool> StillHeldAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // The lock is this session's as long as the session lives: a broken connection has lost it.
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@name, 1))", connection);
            command.Parameters.AddWithValue("name", key);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // the session is gone, and its lock with it
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
