using Microsoft.Data.Sqlite;

namespace ZoomQos.Storage.Sqlite;

/// <summary>The SQLite schema as an ordered list of migrations; <see cref="MigrateAsync"/> applies those not yet applied.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: accounts, apps, webinars, instances, sessions, samples.
        """
        CREATE TABLE accounts (
            id TEXT NOT NULL PRIMARY KEY,
            plan TEXT NOT NULL,
            dashboard INTEGER NOT NULL,
            privacy_blanking INTEGER NOT NULL
        );
        CREATE TABLE apps (
            client_id TEXT NOT NULL PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id),
            secret_salt BLOB NOT NULL,
            secret_hash BLOB NOT NULL,
            iterations INTEGER NOT NULL,
            scopes TEXT NOT NULL
        );
        CREATE TABLE webinars (
            account_id TEXT NOT NULL REFERENCES accounts(id),
            webinar_id INTEGER NOT NULL,
            topic TEXT NOT NULL,
            host_name TEXT NOT NULL,
            host_email TEXT NOT NULL,
            PRIMARY KEY (account_id, webinar_id)
        );
        CREATE TABLE instances (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            account_id TEXT NOT NULL,
            webinar_id INTEGER NOT NULL,
            topic TEXT NOT NULL,
            host_name TEXT NOT NULL,
            host_email TEXT NOT NULL,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER,
            FOREIGN KEY (account_id, webinar_id) REFERENCES webinars(account_id, webinar_id)
        );
        CREATE INDEX ix_instances_latest ON instances(account_id, webinar_id, end_ms, start_ms);
        CREATE INDEX ix_instances_start ON instances(account_id, start_ms, uuid);
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            instance_id INTEGER NOT NULL REFERENCES instances(id),
            user_id TEXT NOT NULL,
            participant_uuid TEXT,
            join_ms INTEGER NOT NULL,
            json BLOB NOT NULL,
            UNIQUE (instance_id, user_id)
        );
        CREATE INDEX ix_sessions_page ON sessions(instance_id, join_ms, user_id);
        CREATE INDEX ix_sessions_uuid ON sessions(instance_id, participant_uuid);
        CREATE TABLE samples (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            minute TEXT NOT NULL,
            json BLOB NOT NULL,
            PRIMARY KEY (session_id, minute)
        ) WITHOUT ROWID;
        """,

        // 2: where `zoomqos archive` stands with each instance, written with the page it follows.
        """
        CREATE TABLE archive_checkpoints (
            instance_id INTEGER NOT NULL PRIMARY KEY REFERENCES instances(id),
            next_page_token TEXT,
            sessions_fetched INTEGER NOT NULL,
            total_records INTEGER,
            complete INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL
        );
        """,

        // 3: an instance whose data is withheld (the API answers 400/300 "Can not access webinar info").
        """
        ALTER TABLE instances ADD COLUMN data_withheld INTEGER NOT NULL DEFAULT 0;
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken);

        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new QosStoreException(
                $"The SQLite store has schema version {version}, newer than this ZoomQos understands ({CurrentVersion}). Upgrade ZoomQos.");
        }

        for (var next = version; next < CurrentVersion; next++)
        {
            await ExecuteAsync(connection, transaction, Migrations[next], cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({next + 1})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
