import CSQLite

/// A connection to an SQLite database file: foreign keys on, WAL journal with full
/// durability (`synchronous = FULL`: a commit reported is on disk, even after a power cut),
/// a busy timeout so concurrent writers wait instead of failing with "database is locked".
///
/// Not `Sendable`: one connection belongs to one thread at a time.
public final class Database {
    let handle: OpaquePointer
    public let path: String

    public enum TransactionKind: String { case deferred = "DEFERRED", immediate = "IMMEDIATE" }
    public enum Completion { case commit, rollback }

    /// Opens (creating if needed) the database at `path`.
    /// - Parameter busyTimeout: how long a statement waits for a lock held by another process, in ms.
    public init(path: String, readOnly: Bool = false, busyTimeout: Int32 = 60_000) throws {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: "\(message) (\(path))")
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        _ = hiendien_sqlite_busy_timeout(db, busyTimeout)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly && path != ":memory:" {
            try execute("PRAGMA journal_mode = WAL")
            // NORMAL would save one fsync of the WAL per commit and may lose the last commits on
            // a power cut; one input file is one commit, so FULL costs one fsync per file.
            try execute("PRAGMA synchronous = FULL")
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without parameters (DDL, PRAGMA).
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// Prepares a statement; bind parameters with `Statement.bind`, never by interpolation.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `body` in a transaction: commits on `.commit`, rolls back on `.rollback` or a throw,
    /// rethrowing the first error.
    @discardableResult
    public func inTransaction<T>(_ kind: TransactionKind = .immediate,
                                 _ body: () throws -> (Completion, T)) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let outcome: (Completion, T)
        do {
            outcome = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        switch outcome.0 {
        case .commit:
            do { try execute("COMMIT") } catch { try? execute("ROLLBACK"); throw error }
        case .rollback:
            try execute("ROLLBACK")
        }
        return outcome.1
    }

    /// A transaction that commits unless `body` throws.
    public func inTransaction(_ kind: TransactionKind = .immediate, _ body: () throws -> Void) throws {
        try inTransaction(kind) { () throws -> (Completion, Void) in
            try body()
            return (.commit, ())
        }
    }

    /// The row id of the last inserted row.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// `PRAGMA user_version`: the schema version the migrations have reached.
    public func userVersion() throws -> Int {
        let statement = try prepare("PRAGMA user_version")
        return try statement.step() ? statement.int(0) : 0
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: lastErrorMessage, sql: sql)
    }
}
