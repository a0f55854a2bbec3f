using Npgsql;

namespace ZoomQos.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as ordered migrations, applied under an advisory lock so that several server nodes
/// starting at once migrate once. Text keys that pages are ordered by use the "C" collation: the same
/// byte order as SQLite, so both stores page identically.
/// </summary>
internal static class PostgresSchema
{
    private const long MigrationLock = 0x5A6F6F6D516F53; // "ZoomQoS"

    private static readonly string[] Migrations =
    [
        // 1: accounts, apps, webinars, instances, sessions, samples.
        """
        CREATE TABLE accounts (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            plan text NOT NULL,
            dashboard boolean NOT NULL,
            privacy_blanking boolean NOT NULL
        );
        CREATE TABLE apps (
            client_id text COLLATE "C" NOT NULL PRIMARY KEY,
            account_id text COLLATE "C" NOT NULL REFERENCES accounts(id),
            secret_salt bytea NOT NULL,
            secret_hash bytea NOT NULL,
            iterations integer NOT NULL,
            scopes text NOT NULL
        );
        CREATE TABLE webinars (
            account_id text COLLATE "C" NOT NULL REFERENCES accounts(id),
            webinar_id bigint NOT NULL,
            topic text NOT NULL,
            host_name text NOT NULL,
            host_email text NOT NULL,
            PRIMARY KEY (account_id, webinar_id)
        );
        CREATE TABLE instances (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            uuid text COLLATE "C" NOT NULL UNIQUE,
            account_id text COLLATE "C" NOT NULL,
            webinar_id bigint NOT NULL,
            topic text NOT NULL,
            host_name text NOT NULL,
            host_email text NOT NULL,
            start_ms bigint NOT NULL,
            end_ms bigint,
            FOREIGN KEY (account_id, webinar_id) REFERENCES webinars(account_id, webinar_id)
        );
        CREATE INDEX ix_instances_latest ON instances(account_id, webinar_id, end_ms, start_ms);
        CREATE INDEX ix_instances_start ON instances(account_id, start_ms, uuid);
        CREATE TABLE sessions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            instance_id bigint NOT NULL REFERENCES instances(id),
            user_id text COLLATE "C" NOT NULL,
            participant_uuid text COLLATE "C",
            join_ms bigint NOT NULL,
            json bytea NOT NULL,
            UNIQUE (instance_id, user_id)
        );
        CREATE INDEX ix_sessions_page ON sessions(instance_id, join_ms, user_id);
        CREATE INDEX ix_sessions_uuid ON sessions(instance_id, participant_uuid);
        CREATE TABLE samples (
            session_id bigint NOT NULL REFERENCES sessions(id),
            minute text COLLATE "C" NOT NULL,
            json bytea NOT NULL,
            PRIMARY KEY (session_id, minute)
        );
        """,

        // 2: where `zoomqos archive` stands with each instance, written with the page it follows.
        """
        CREATE TABLE archive_checkpoints (
            instance_id bigint NOT NULL PRIMARY KEY REFERENCES instances(id),
            next_page_token text,
            sessions_fetched bigint NOT NULL,
            total_records bigint,
            complete boolean NOT NULL,
            updated_ms bigint NOT NULL
        );
        """,

        // 3: an instance whose data is withheld (the API answers 400/300 "Can not access webinar info").
        """
        ALTER TABLE instances ADD COLUMN data_withheld boolean NOT NULL DEFAULT false;
        """,

        // 4: samples lose their foreign key to sessions. Its per-row check made a COPY of 90,000 samples take
        // 812 ms instead of 282 ms (docs/decisions/0010). Samples are written only by the merge, in the
        // transaction that created or found their session, and nothing deletes a session.
        """
        ALTER TABLE samples DROP CONSTRAINT IF EXISTS samples_session_id_fkey;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)", cancellationToken);
        await using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction);
        var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new QosStoreException(
                $"The PostgreSQL store has schema version {version}, newer than this ZoomQos understands ({CurrentVersion}). Upgrade ZoomQos.");
        }

        for (var next = version; next < CurrentVersion; next++)
        {
            await ExecuteAsync(connection, transaction, Migrations[next], cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({next + 1})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
