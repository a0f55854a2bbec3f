using System.Data.Common;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Storage.Users;

namespace ZoomQos.Storage.Sql;

/// <summary>What an administrator manages: the API apps of an account and the dashboard's users.</summary>
public abstract partial class SqlQosStore
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ApiApp>> ListAppsAsync(string? accountId, CancellationToken cancellationToken = default) =>
        ReadAppsAsync(accountId is null ? string.Empty : "WHERE account_id = @key", accountId, cancellationToken);

    /// <inheritdoc/>
    public async Task<ApiApp?> FindAppAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var apps = await ReadAppsAsync("WHERE client_id = @key", clientId, cancellationToken);
        return apps.Count == 0 ? null : apps[0];
    }

    private async Task<IReadOnlyList<ApiApp>> ReadAppsAsync(string where, string? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            $"SELECT client_id, account_id, scopes FROM apps {where} ORDER BY account_id, client_id",
            ("key", key));
        var apps = new List<ApiApp>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            apps.Add(new ApiApp(reader.GetString(0), reader.GetString(1), reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return apps;
    }

    /// <inheritdoc/>
    public Task<bool> RemoveAppAsync(string clientId, CancellationToken cancellationToken = default) =>
        DeleteAsync("DELETE FROM apps WHERE client_id = @key", clientId, cancellationToken);

    /// <inheritdoc/>
    public async Task AddUserAsync(DashboardUser user, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var email = DashboardUser.Normalize(user.Email);
        ArgumentException.ThrowIfNullOrEmpty(email, nameof(user));
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await RequireAccountAsync(connection, transaction, user.AccountId, cancellationToken);
        await LockAsync(connection, transaction, ["user:" + email], cancellationToken);
        await using (var existing = DbCommands.Create(connection, transaction, "SELECT account_id FROM dashboard_users WHERE email = @email", ("email", email)))
        {
            if (await existing.ExecuteScalarAsync(cancellationToken) is not null)
            {
                throw new QosStoreConflictException($"A dashboard user {email} already exists; remove it first to change it.");
            }
        }

        await using (var insert = DbCommands.Create(
            connection,
            transaction,
            "INSERT INTO dashboard_users (email, account_id, password_hash, created_ms) VALUES (@email, @account, @hash, @created)",
            ("email", email),
            ("account", user.AccountId),
            ("hash", passwordHash),
            ("created", StorageKeys.ToMs(user.Created))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StoredUser?> FindUserAsync(string email, CancellationToken cancellationToken = default)
    {
        var users = await ReadUsersAsync("WHERE email = @key", DashboardUser.Normalize(email), cancellationToken);
        return users.Count == 0 ? null : users[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DashboardUser>> ListUsersAsync(string? accountId, CancellationToken cancellationToken = default) =>
        [.. (await ReadUsersAsync(accountId is null ? string.Empty : "WHERE account_id = @key", accountId, cancellationToken)).Select(u => u.User)];

    /// <inheritdoc/>
    public Task<bool> RemoveUserAsync(string email, CancellationToken cancellationToken = default) =>
        DeleteAsync("DELETE FROM dashboard_users WHERE email = @key", DashboardUser.Normalize(email), cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ReadProtectionKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT xml FROM data_protection_keys ORDER BY name");
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <inheritdoc/>
    public async Task SaveProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING",
            ("name", name),
            ("xml", xml));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<StoredUser>> ReadUsersAsync(string where, string? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            null,
            $"SELECT email, account_id, created_ms, password_hash FROM dashboard_users {where} ORDER BY account_id, email",
            ("key", key));
        var users = new List<StoredUser>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new StoredUser(new DashboardUser(reader.GetString(0), reader.GetString(1), StorageKeys.FromMs(reader.GetInt64(2))), reader.GetString(3)));
        }

        return users;
    }

    private async Task<bool> DeleteAsync(string sql, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenForWriteAsync(cancellationToken);
        await using DbCommand command = DbCommands.Create(connection, null, sql, ("key", key));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
