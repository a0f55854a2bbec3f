using System.Data.Common;

namespace ZoomQos.Storage.Sql;

/// <summary>Commands with named parameters (<c>@name</c>), which Microsoft.Data.Sqlite and Npgsql both bind.</summary>
internal static class DbCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
