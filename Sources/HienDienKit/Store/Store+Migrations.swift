import Foundation

extension Store {
    /// The schema, as numbered migrations. Each runs once, in its own transaction, and is
    /// recorded in `PRAGMA user_version`; never edit a migration that has shipped — add one.
    static let migrations: [String] = [
        // 1: the plan, its units and indicators, submissions and every version of every value.
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE unit (
            id          TEXT PRIMARY KEY,
            name        TEXT NOT NULL,
            type        TEXT NOT NULL,
            parent      TEXT,
            reports     INTEGER NOT NULL,
            from_day    TEXT,
            until_day   TEXT,
            merged_into TEXT
        ) WITHOUT ROWID;

        CREATE TABLE indicator (
            id        TEXT PRIMARY KEY,
            name      TEXT NOT NULL,
            over_time TEXT NOT NULL CHECK (over_time IN ('sum', 'last'))
        ) WITHOUT ROWID;

        -- One row per ingested file (or dry run that was rolled back: never stored).
        CREATE TABLE batch (
            id          INTEGER PRIMARY KEY,
            file        TEXT NOT NULL,
            sha256      TEXT,
            ingested_on TEXT NOT NULL
        );

        -- One row per unit and period in a file: a submission or, if one came before, a revision.
        -- period_key: year * 10 + quarter for a quarter, year * 10 + 5 for a whole year.
        CREATE TABLE submission (
            id           INTEGER PRIMARY KEY,
            batch_id     INTEGER NOT NULL REFERENCES batch(id),
            unit_id      TEXT NOT NULL REFERENCES unit(id),
            period_key   INTEGER NOT NULL,
            version      INTEGER NOT NULL,
            received     TEXT NOT NULL,
            difficulties TEXT,
            proposals    TEXT,
            UNIQUE (unit_id, period_key, version)
        );
        CREATE INDEX submission_by_period ON submission(period_key, unit_id);

        -- Every value of every version; the current value of a unit, period and indicator is
        -- the one from its latest submission that carries it.
        CREATE TABLE value (
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            indicator_id  TEXT NOT NULL REFERENCES indicator(id),
            value         INTEGER NOT NULL CHECK (value >= 0),
            note          TEXT,
            PRIMARY KEY (submission_id, indicator_id)
        ) WITHOUT ROWID;

        CREATE TABLE task_report (
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            task_id       TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('done', 'in_progress', 'not_started')),
            evidence      TEXT,
            PRIMARY KEY (submission_id, task_id)
        ) WITHOUT ROWID;
        """,
        // 2: a revision may withdraw a value an earlier version stored (`rút` in the value cell):
        // the withdrawn value is a NULL in the new version. SQLite cannot drop a NOT NULL
        // constraint, so the table is rebuilt with every row kept.
        """
        CREATE TABLE value_v2 (
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            indicator_id  TEXT NOT NULL REFERENCES indicator(id),
            value         INTEGER CHECK (value IS NULL OR value >= 0),
            note          TEXT,
            PRIMARY KEY (submission_id, indicator_id)
        ) WITHOUT ROWID;
        INSERT INTO value_v2(submission_id, indicator_id, value, note)
            SELECT submission_id, indicator_id, value, note FROM value;
        DROP TABLE value;
        ALTER TABLE value_v2 RENAME TO value;
        """,
        // 3: each indicator gets an integer key, given when the plan that names it is stored and
        // never given again (AUTOINCREMENT), and `value` is keyed by it instead of the indicator's
        // text id: half the bytes per stored value. Every row is kept; a value whose indicator is
        // missing stops the upgrade (NOT NULL), leaving the store as it was.
        """
        CREATE TABLE indicator_v3 (
            key       INTEGER PRIMARY KEY AUTOINCREMENT,
            id        TEXT NOT NULL UNIQUE,
            name      TEXT NOT NULL,
            over_time TEXT NOT NULL CHECK (over_time IN ('sum', 'last'))
        );
        INSERT INTO indicator_v3(id, name, over_time) SELECT id, name, over_time FROM indicator ORDER BY id;
        CREATE TABLE value_v3 (
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            indicator_key INTEGER NOT NULL REFERENCES indicator_v3(key),
            value         INTEGER CHECK (value IS NULL OR value >= 0),
            note          TEXT,
            PRIMARY KEY (submission_id, indicator_key)
        ) WITHOUT ROWID;
        INSERT INTO value_v3(submission_id, indicator_key, value, note)
            SELECT v.submission_id, (SELECT i.key FROM indicator_v3 i WHERE i.id = v.indicator_id), v.value, v.note
            FROM value v ORDER BY v.submission_id;
        DROP TABLE value;
        DROP TABLE indicator;
        ALTER TABLE indicator_v3 RENAME TO indicator;
        ALTER TABLE value_v3 RENAME TO value;
        """,
    ]

    /// The oldest schema a read-only command reads as it is, without upgrading it. Schema 3 keys
    /// values by the indicator's integer key, which older stores lack: they are upgraded (with
    /// a backup) by the first command that writes, `hiendien init` for one.
    static let oldestReadableSchema = 3

    static var schemaVersion: Int { migrations.count }

    /// For a dry run on a store opened read-only: temporary tables that shadow the written
    /// ones (an unqualified name finds `temp` first), so the file's own rows are checked by the
    /// same statements and constraints, the store is read for revisions, and nothing reaches
    /// the file. Created inside the dry run's transaction and rolled back with it.
    static let dryRunShadow = """
        CREATE TEMP TABLE batch (
            id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT, ingested_on TEXT NOT NULL);
        CREATE TEMP TABLE submission (
            id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, unit_id TEXT NOT NULL, period_key INTEGER NOT NULL,
            version INTEGER NOT NULL, received TEXT NOT NULL, difficulties TEXT, proposals TEXT,
            UNIQUE (unit_id, period_key, version));
        CREATE TEMP TABLE value (
            submission_id INTEGER NOT NULL, indicator_key INTEGER NOT NULL,
            value INTEGER CHECK (value IS NULL OR value >= 0), note TEXT,
            PRIMARY KEY (submission_id, indicator_key)) WITHOUT ROWID;
        CREATE TEMP TABLE task_report (
            submission_id INTEGER NOT NULL, task_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'in_progress', 'not_started')), evidence TEXT,
            PRIMARY KEY (submission_id, task_id)) WITHOUT ROWID;
        """

    /// Brings the schema up to date, backing the file up first when an existing store is
    /// upgraded (`<db>.v<N>.bak`, made with `VACUUM INTO`, which never overwrites a file), and
    /// giving back the pages the upgrade freed.
    ///
    /// - Parameter migrations: the schema's migrations; tests pass a longer list to see an upgrade.
    func migrate(_ migrations: [String] = Store.migrations) throws {
        let current = try database.userVersion()
        guard current < migrations.count else {
            if current > migrations.count {
                throw StoreError.newerSchema(found: current, supported: migrations.count, path: database.path)
            }
            return
        }
        if current > 0 && database.path != ":memory:" {
            let backup = "\(database.path).v\(current).bak"
            if FileManager.default.fileExists(atPath: backup) {
                // Never overwrite an earlier backup: it may be the only copy of version `current`.
                throw StoreError.backupExists(path: backup)
            }
            let statement = try database.prepare("VACUUM INTO ?")
            try statement.run(.text(backup))
        }
        for version in (current + 1)...migrations.count {
            try database.inTransaction(.immediate) {
                // Another process may have migrated while we waited for the lock.
                guard try database.userVersion() < version else { return }
                try database.execute(migrations[version - 1])
                try database.execute("PRAGMA user_version = \(version)")
            }
        }
        if current > 0 && database.path != ":memory:" {
            // An upgrade that rebuilds a table leaves its old pages free: give them back once.
            // Only a saving — the store is whole and current either way — so a store another
            // process is using at this moment keeps its free pages for later ingests to reuse.
            try? database.execute("VACUUM")
        }
    }
}
