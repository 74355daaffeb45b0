import Foundation

/// The embedded SQLite store: one plan, its units and indicators, and every submission and
/// revision ever ingested. Opening a store for writing brings its schema up to date; opening
/// it for reading changes nothing in the file.
public final class Store {
    public let database: Database
    /// Opened with `init(readingAt:)`: SQLite refuses every write.
    public let isReadOnly: Bool

    /// Opens or creates the store at `path` (`:memory:` for tests). An existing file must be
    /// empty or a hiendien store: another program's SQLite file is refused, untouched.
    public init(path: String) throws {
        self.database = try Store.diagnosingFolder(of: path) {
            if path != ":memory:", let size = Store.fileSize(path), size > 0 {
                try Store.checkIdentity(Database(path: path, readOnly: true), path: path, readOnly: false)
            }
            return try Database(path: path)
        }
        self.isReadOnly = false
        try Store.diagnosingFolder(of: path) { try migrate() }
    }

    /// Opens an existing store for reading only (`check`, `status`, `report`, `form`, a dry
    /// run): no table is created, no schema upgraded, no journal mode changed, so the file's
    /// bytes stay as they were. A file that is not a hiendien store is refused.
    public init(readingAt path: String) throws {
        self.database = try Store.diagnosingFolder(of: path) {
            let database = try Database(path: path, readOnly: true)
            try Store.checkIdentity(database, path: path, readOnly: true)
            return database
        }
        self.isReadOnly = true
    }

    /// The tables every hiendien store has (schema 1 on).
    static let tables: Set<String> = ["meta", "unit", "indicator", "batch", "submission", "value", "task_report"]

    /// Refuses a database that is neither empty nor a hiendien store, and (read-only) one whose
    /// schema would have to change before it can be read (older than `oldestReadableSchema`).
    private static func checkIdentity(_ database: Database, path: String, readOnly: Bool) throws {
        let version = try database.userVersion()
        let names = Set(try database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").rows { $0.text(0) })
        if version == 0 && names.isEmpty {
            if readOnly { throw StoreError.noPlan(path: path) }
            return
        }
        guard version > 0, tables.isSubset(of: names) else { throw StoreError.notAStore(path: path) }
        if version > schemaVersion {
            throw StoreError.newerSchema(found: version, supported: schemaVersion, path: path)
        }
        if readOnly && version < oldestReadableSchema {
            throw StoreError.olderSchema(found: version, supported: schemaVersion, path: path)
        }
    }

    /// Runs `body`, saying plainly when an SQLite failure comes from the folder (not the file):
    /// a WAL store needs to create `<db>-wal` and `<db>-shm` beside itself, even to be read.
    private static func diagnosingFolder<T>(of path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where path != ":memory:" {
            let folder = (path as NSString).deletingLastPathComponent
            if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                throw StoreError.folderNotWritable(path: path, folder: folder.isEmpty ? "." : folder)
            }
            throw error
        }
    }

    static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    }

    /// The plan this store holds, or nil when `init` has not loaded one yet.
    public func plan() throws -> Plan? {
        guard let text = try meta("plan_json") else { return nil }
        let label = try meta("plan_file") ?? "stored plan"
        let json = try JSONParser.parse(Array(text.utf8), fileLabel: label)
        return try Plan.decode(json, file: label)
    }

    /// The plan, or a `StoreError.noPlan` telling the user to run `hiendien init`.
    public func requirePlan() throws -> Plan {
        guard let plan = try plan() else { throw StoreError.noPlan(path: database.path) }
        return plan
    }

    /// Runs `body` in one read transaction, so that every read in it sees the same state of
    /// the store: an ingest committing meanwhile is either wholly in what `body` reads or not
    /// at all. The engine reads through this and never through `database`.
    public func read<T>(_ body: (Store) throws -> T) throws -> T {
        try database.inTransaction(.deferred) { () throws -> (Database.Completion, T) in
            (.commit, try body(self))
        }
    }

    func meta(_ key: String) throws -> String? {
        let statement = try database.prepare("SELECT value FROM meta WHERE key = ?")
        try statement.bind(.text(key))
        return try statement.step() ? statement.text(0) : nil
    }

    func setMeta(_ key: String, _ value: String) throws {
        try database.prepare("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .run(.text(key), .text(value))
    }
}

/// Problems with the store itself (as opposed to a user's input file).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case noPlan(path: String)
    case newerSchema(found: Int, supported: Int, path: String)
    case otherPlan(stored: String, given: String, path: String)
    case planDropsData(problems: [String], file: String)
    case backupExists(path: String)
    case notAStore(path: String)
    case olderSchema(found: Int, supported: Int, path: String)
    case folderNotWritable(path: String, folder: String)
    case damagedRow(table: String, row: String, column: String, text: String, path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .noPlan(let path):
            return "\(path): the store has no plan yet. Run `hiendien init --plan PLAN.json --db \(path)` first."
        case let .newerSchema(found, supported, path):
            return "\(path): the store was written by a newer hiendien (schema \(found), this one knows \(supported)). Use the newer version."
        case let .otherPlan(stored, given, path):
            return "\(path): the store holds plan '\(stored)', not '\(given)'. Use another --db for another plan."
        case .backupExists(let path):
            return "\(path) already exists, so the store was not upgraded (an upgrade first backs the store up there and never overwrites a backup). Move that file somewhere safe, then run the command again."
        case .notAStore(let path):
            return "\(path) is an SQLite file but not a hiendien store; it was left untouched. Give --db a hiendien store, or a new file name for `hiendien init`. [store.not-hiendien]"
        case let .olderSchema(found, supported, path):
            return "\(path): the store has schema \(found) and this hiendien reads \(supported); it is not upgraded by a command that only reads. Run `hiendien init --plan PLAN.json --db \(path)` once to upgrade it (a backup is made first). [store.older-schema]"
        case let .folderNotWritable(path, folder):
            return "\(path): the store cannot be opened because its folder \(folder) is not writable; SQLite needs to create \((path as NSString).lastPathComponent)-wal and -shm beside it, even to read. Make the folder writable for this user, or copy the store to a writable folder. [store.folder-read-only]"
        case let .damagedRow(table, row, column, text, path):
            return "\(path): table \(table), \(row): the \(column) '\(text)' cannot be read. Run `hiendien check --db \(path)`, then restore the latest backup (<db>.v<N>.bak) or re-ingest the original files into a new store. [store.damaged-row]"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason). [output.cannot-write]"
        case let .planDropsData(problems, file):
            return "\(file): the edited plan would orphan stored reports, so it was not loaded:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\n  hint: keep those units and indicators in the plan (a unit that ended gets \"until\"; one that no longer reports gets \"reports\": false)."
        }
    }
}
