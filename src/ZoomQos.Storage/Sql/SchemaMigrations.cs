namespace ZoomQos.Storage.Sql;

/// <summary>
/// The schema as one ordered list of migrations for both stores. The SQL is shared, with the column types each
/// dialect spells its own way as tokens (<c>{key}</c>: a text key, in PostgreSQL with the "C" collation so that
/// both stores order pages byte by byte alike; <c>{id}</c>: a generated key; <c>{bool}</c>, <c>{blob}</c>, …);
/// a step is written per dialect only where the dialects differ (step 4).
/// </summary>
internal static class SchemaMigrations
{
    private static readonly (string Sqlite, string Postgres)[] Steps =
    [
        // 1: accounts, apps, webinars, instances, sessions, samples.
        Both("""
        CREATE TABLE accounts (
            id {key} NOT NULL PRIMARY KEY,
            plan {text} NOT NULL,
            dashboard {bool} NOT NULL,
            privacy_blanking {bool} NOT NULL
        );
        CREATE TABLE apps (
            client_id {key} NOT NULL PRIMARY KEY,
            account_id {key} NOT NULL REFERENCES accounts(id),
            secret_salt {blob} NOT NULL,
            secret_hash {blob} NOT NULL,
            iterations {int} NOT NULL,
            scopes {text} NOT NULL
        );
        CREATE TABLE webinars (
            account_id {key} NOT NULL REFERENCES accounts(id),
            webinar_id {bigint} NOT NULL,
            topic {text} NOT NULL,
            host_name {text} NOT NULL,
            host_email {text} NOT NULL,
            PRIMARY KEY (account_id, webinar_id)
        );
        CREATE TABLE instances (
            id {id},
            uuid {key} NOT NULL UNIQUE,
            account_id {key} NOT NULL,
            webinar_id {bigint} NOT NULL,
            topic {text} NOT NULL,
            host_name {text} NOT NULL,
            host_email {text} NOT NULL,
            start_ms {bigint} NOT NULL,
            end_ms {bigint},
            FOREIGN KEY (account_id, webinar_id) REFERENCES webinars(account_id, webinar_id)
        );
        CREATE INDEX ix_instances_latest ON instances(account_id, webinar_id, end_ms, start_ms);
        CREATE INDEX ix_instances_start ON instances(account_id, start_ms, uuid);
        CREATE TABLE sessions (
            id {id},
            instance_id {bigint} NOT NULL REFERENCES instances(id),
            user_id {key} NOT NULL,
            participant_uuid {key},
            join_ms {bigint} NOT NULL,
            json {blob} NOT NULL,
            UNIQUE (instance_id, user_id)
        );
        CREATE INDEX ix_sessions_page ON sessions(instance_id, join_ms, user_id);
        CREATE INDEX ix_sessions_uuid ON sessions(instance_id, participant_uuid);
        CREATE TABLE samples (
            session_id {bigint} NOT NULL REFERENCES sessions(id),
            minute {key} NOT NULL,
            json {blob} NOT NULL,
            PRIMARY KEY (session_id, minute)
        ){without_rowid};
        """),

        // 2: where `zoomqos archive` stands with each instance, written with the page it follows.
        Both("""
        CREATE TABLE archive_checkpoints (
            instance_id {bigint} NOT NULL PRIMARY KEY REFERENCES instances(id),
            next_page_token {text},
            sessions_fetched {bigint} NOT NULL,
            total_records {bigint},
            complete {bool} NOT NULL,
            updated_ms {bigint} NOT NULL
        );
        """),

        // 3: an instance whose data is withheld (the API answers 400/300 "Can not access webinar info").
        Both("ALTER TABLE instances ADD COLUMN data_withheld {bool} NOT NULL DEFAULT {false};"),

        // 4: PostgreSQL's samples lose their foreign key to sessions. Its per-row check made a COPY of 90,000 samples
        // take 812 ms instead of 282 ms (docs/decisions/0010). Samples are written only by the merge, in the
        // transaction that created or found their session, and nothing deletes a session. SQLite's row-by-row
        // merge does not pay for it, and SQLite cannot drop a constraint without rebuilding the table: it keeps it.
        (Sqlite: string.Empty, Postgres: "ALTER TABLE samples DROP CONSTRAINT IF EXISTS samples_session_id_fkey;"),

        // 5: the dashboard's users, each of one account, with an ASP.NET Core Identity password hash.
        Both("""
        CREATE TABLE dashboard_users (
            email {key} NOT NULL PRIMARY KEY,
            account_id {key} NOT NULL REFERENCES accounts(id),
            password_hash {text} NOT NULL,
            created_ms {bigint} NOT NULL
        );
        """),

        // 6: each ended instance's analysis summary, and its sessions' results indexed by person (trends, history).
        Both("""
        CREATE TABLE instance_summaries (
            instance_id {bigint} NOT NULL PRIMARY KEY REFERENCES instances(id),
            computed_ms {bigint} NOT NULL,
            json {blob} NOT NULL
        );
        CREATE TABLE session_outcomes (
            instance_id {bigint} NOT NULL REFERENCES instances(id),
            user_id {key} NOT NULL,
            person_key {key} NOT NULL,
            name {text} NOT NULL,
            email {text} NOT NULL,
            verdict {text} NOT NULL,
            mos_p10 {real},
            cause_kind {text},
            cause {text},
            PRIMARY KEY (instance_id, user_id)
        );
        CREATE INDEX ix_session_outcomes_person ON session_outcomes(person_key);
        """),

        // 7: the dashboard's ASP.NET Core Data Protection keys, so that every node accepts the same session cookie.
        Both("""
        CREATE TABLE data_protection_keys (
            name {key} NOT NULL PRIMARY KEY,
            xml {text} NOT NULL
        );
        """),

        // 8: QoS Subscription (QSS) webhook events as received, each once (by the digest of its body): what a per-minute
        // event carries beyond the REST samples, and the summary events, are kept here.
        Both("""
        CREATE TABLE qss_events (
            digest {key} NOT NULL PRIMARY KEY,
            account_id {key} NOT NULL,
            instance_uuid {key} NOT NULL,
            event {text} NOT NULL,
            event_ts {bigint} NOT NULL,
            user_id {key} NOT NULL,
            received_ms {bigint} NOT NULL,
            body {blob} NOT NULL
        );
        CREATE INDEX ix_qss_events_instance ON qss_events(instance_uuid, event);
        """),

        // 9: whether an account has Zoom's QoS Subscription (the qos_summary endpoints need it).
        Both("ALTER TABLE accounts ADD COLUMN qss_subscription {bool} NOT NULL DEFAULT {false};"),

        // 10: what an instance is of: 0 a webinar (every instance before meetings), 1 a meeting.
        Both("ALTER TABLE instances ADD COLUMN kind {int} NOT NULL DEFAULT 0;"),

        // 11: the master account a sub-account belongs to (its token reads the sub-account at /v2/accounts/{accountId}/metrics).
        Both("ALTER TABLE accounts ADD COLUMN master_account_id {key};"),

        // 12: what the Dashboard's list says of an instance beyond its own columns (quality, has_* flags, dept, custom keys), as JSON.
        Both("ALTER TABLE instances ADD COLUMN list_fields {text};"),

        // 13: raised by every merge into an instance, so that a page kept by a server is known stale in any process (not content: out of the checksum).
        Both("ALTER TABLE instances ADD COLUMN revision {bigint} NOT NULL DEFAULT 0;"),
    ];

    /// <summary>The schema version this code writes: the number of steps.</summary>
    public static int CurrentVersion => Steps.Length;

    /// <summary>The table that records which steps were applied.</summary>
    public static string VersionTable(SqlDialect dialect) => Spell("CREATE TABLE IF NOT EXISTS schema_version (version {int} NOT NULL)", dialect);

    /// <summary>Step <paramref name="version"/> (1-based) in the dialect; empty where it has nothing to do.</summary>
    public static string Step(int version, SqlDialect dialect)
    {
        var (sqlite, postgres) = Steps[version - 1];
        return dialect == SqlDialect.Sqlite ? sqlite : postgres;
    }

    private static (string Sqlite, string Postgres) Both(string sql) => (Spell(sql, SqlDialect.Sqlite), Spell(sql, SqlDialect.Postgres));

    private static string Spell(string sql, SqlDialect dialect)
    {
        var sqlite = dialect == SqlDialect.Sqlite;
        return sql
            .Replace("{key}", sqlite ? "TEXT" : "text COLLATE \"C\"", StringComparison.Ordinal)
            .Replace("{text}", sqlite ? "TEXT" : "text", StringComparison.Ordinal)
            .Replace("{int}", sqlite ? "INTEGER" : "integer", StringComparison.Ordinal)
            .Replace("{bigint}", sqlite ? "INTEGER" : "bigint", StringComparison.Ordinal)
            .Replace("{real}", sqlite ? "REAL" : "double precision", StringComparison.Ordinal)
            .Replace("{bool}", sqlite ? "INTEGER" : "boolean", StringComparison.Ordinal)
            .Replace("{false}", sqlite ? "0" : "false", StringComparison.Ordinal)
            .Replace("{blob}", sqlite ? "BLOB" : "bytea", StringComparison.Ordinal)
            .Replace("{id}", sqlite ? "INTEGER PRIMARY KEY" : "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", StringComparison.Ordinal)
            .Replace("{without_rowid}", sqlite ? " WITHOUT ROWID" : string.Empty, StringComparison.Ordinal);
    }
}
