/// The embedded SQLite store: one plan, its units and indicators, and every submission and
/// revision ever ingested. Opening a store brings its schema up to date.
public final class Store {
    public let database: Database

    /// Opens or creates the store at `path` (`:memory:` for tests).
    public init(path: String) throws {
        self.database = try Database(path: path)
        try migrate()
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
        case let .planDropsData(problems, file):
            return "\(file): the edited plan would orphan stored reports, so it was not loaded:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\n  hint: keep those units and indicators in the plan (a unit that ended gets \"until\"; one that no longer reports gets \"reports\": false)."
        }
    }
}
