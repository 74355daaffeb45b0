extension Period {
    /// The integer the store sorts periods by: `year × 10 + quarter`, `year × 10 + 5` for a year.
    public var key: Int { year * 10 + (quarter ?? 5) }

    public init?(key: Int) {
        let year = key / 10, rest = key % 10
        switch rest {
        case 1...4: self = .quarter(rest, of: year)
        case 5: self = .year(year)
        default: return nil
        }
    }
}

/// Writes one input file's submissions inside the single transaction that `Store.ingest`
/// opens: everything or nothing.
public final class IngestWriter {
    public struct SubmissionKey: Hashable, Sendable {
        public var unit: String
        public var period: Period
    }

    public enum ValueOutcome: Equatable, Sendable {
        case inserted
        /// The same unit, period and indicator came earlier in this file with this value.
        case repeated
        /// … with another value.
        case conflicting(existing: Int64)
    }

    /// What a file added: one entry per unit and period.
    public struct Submission: Sendable, Equatable {
        public var id: Int64
        public var key: SubmissionKey
        public var version: Int
        public var received: Day
    }

    private let database: Database
    private let batchID: Int64
    private let insertSubmission: Statement
    private let nextVersion: Statement
    private let insertValue: Statement
    private let existingValue: Statement
    private let insertTask: Statement
    private let updateNarrative: Statement
    public private(set) var submissions: [SubmissionKey: Submission] = [:]
    /// Values stored (or buffered to be stored) by this writer.
    public var valueCount: Int { storedCount + (run?.values.count ?? 0) }
    private var storedCount = 0

    /// A run of values for one submission not yet written: consecutive rows of a large file are
    /// inserted `batchSize` at a time, one statement for many rows. Only a submission that has
    /// nothing stored yet gets a run, so a repeat within it is found here, with its row.
    private var run: Run?
    private struct Run {
        var submission: Int64
        /// Waiting to be written.
        var values: [(slot: Int, value: Int64)] = []
        /// Every value of the run so far, by indicator slot, written or not.
        var seen: [Int64?]
        var wroteAny = false
    }
    /// Submissions that have values in the database (written one by one or by a flushed run).
    private var written: Set<Int64> = []
    private static let batchSize = 20
    private var batchStatements: [Int: Statement] = [:]
    /// Indicator ids as C strings that live as long as the writer, bound without a copy.
    private var interned: [(text: UnsafeMutablePointer<CChar>, count: Int)] = []
    private var internedSlots: [String: Int] = [:]

    init(database: Database, file: String, sha256: String?, ingestedOn: Day) throws {
        self.database = database
        try database.prepare("INSERT INTO batch(file, sha256, ingested_on) VALUES (?, ?, ?)")
            .run(.text(file), .optional(sha256), .text(ingestedOn.description))
        batchID = database.lastInsertedRowID
        insertSubmission = try database.prepare("""
            INSERT INTO submission(batch_id, unit_id, period_key, version, received) VALUES (?, ?, ?, ?, ?)
            """)
        nextVersion = try database.prepare(
            "SELECT coalesce(max(version), 0) + 1 FROM main.submission WHERE unit_id = ? AND period_key = ?")
        insertValue = try database.prepare("""
            INSERT INTO value(submission_id, indicator_id, value, note) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        existingValue = try database.prepare("SELECT value FROM value WHERE submission_id = ? AND indicator_id = ?")
        insertTask = try database.prepare("""
            INSERT INTO task_report(submission_id, task_id, status, evidence) VALUES (?, ?, ?, ?)
            """)
        updateNarrative = try database.prepare("UPDATE submission SET difficulties = ?, proposals = ? WHERE id = ?")
    }

    deinit {
        for id in interned { id.text.deallocate() }
    }

    /// A slot for an indicator id, for `value(_:slot:submission:)` on the hot path.
    public func slot(forIndicator id: String) -> Int {
        if let slot = internedSlots[id] { return slot }
        let utf8 = Array(id.utf8)
        let text = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, utf8.count))
        for (offset, byte) in utf8.enumerated() { text[offset] = CChar(bitPattern: byte) }
        interned.append((text, utf8.count))
        internedSlots[id] = interned.count - 1
        return interned.count - 1
    }

    /// Stores a value for the indicator interned at `slot` — buffered while consecutive values
    /// belong to one submission that has nothing stored yet, else at once.
    public func value(_ value: Int64, slot: Int, submission: Int64) throws -> ValueOutcome {
        if run?.submission != submission {
            try flush()
            if !written.contains(submission) {
                run = Run(submission: submission, seen: Array(repeating: nil, count: interned.count))
            }
        }
        guard var current = run else {
            let id = interned[slot]
            let indicator = String(decoding: UnsafeRawBufferPointer(start: id.text, count: id.count), as: UTF8.self)
            return try self.value(value, indicator: indicator, submission: submission, note: nil)
        }
        if let existing = current.seen[slot] {
            return existing == value ? .repeated : .conflicting(existing: existing)
        }
        current.seen[slot] = value
        current.values.append((slot, value))
        run = current
        if current.values.count == Self.batchSize { try writeRun(end: false) }
        return .inserted
    }

    /// Writes the buffered run, if any, and ends it.
    public func flush() throws {
        try writeRun(end: true)
    }

    private func writeRun(end: Bool) throws {
        guard var current = run else { return }
        if !current.values.isEmpty {
            let count = current.values.count
            let statement = try batchStatement(rows: count)
            statement.reset()
            var index: Int32 = 1
            for item in current.values {
                try statement.bindInt(current.submission, at: index)
                try statement.bindStaticText(interned[item.slot].text, count: interned[item.slot].count, at: index + 1)
                try statement.bindInt(item.value, at: index + 2)
                index += 3
            }
            try statement.step()
            statement.reset()
            // The submission had nothing stored and `seen` refused repeats: every row is new.
            guard database.changes == count else {
                throw SQLiteError(code: 19, message: "a buffered value collided with a stored one", sql: statement.sql)
            }
            storedCount += count
            current.values.removeAll(keepingCapacity: true)
            current.wroteAny = true
        }
        if end {
            if current.wroteAny { written.insert(current.submission) }
            run = nil
        } else {
            run = current
        }
    }

    private func batchStatement(rows: Int) throws -> Statement {
        if let statement = batchStatements[rows] { return statement }
        let values = Array(repeating: "(?, ?, ?, NULL)", count: rows).joined(separator: ", ")
        let statement = try database.prepare("INSERT INTO value(submission_id, indicator_id, value, note) VALUES \(values)")
        batchStatements[rows] = statement
        return statement
    }

    /// The submission for a unit and period in this file, created (as a new version) on first use.
    public func submission(unit: String, period: Period, received: Day) throws -> Submission {
        let key = SubmissionKey(unit: unit, period: period)
        if let existing = submissions[key] { return existing }
        try nextVersion.bind(.text(unit), .int(period.key))
        let version = try nextVersion.step() ? nextVersion.int(0) : 1
        nextVersion.reset()
        try insertSubmission.run(.integer(batchID), .text(unit), .int(period.key), .int(version),
                                 .text(received.description))
        let submission = Submission(id: database.lastInsertedRowID, key: key, version: version, received: received)
        submissions[key] = submission
        return submission
    }

    /// Corrects the received day of a submission made earlier in this file.
    public func setReceived(_ day: Day, for key: SubmissionKey) throws {
        guard var submission = submissions[key] else { return }
        try database.prepare("UPDATE submission SET received = ? WHERE id = ?").run(.text(day.description), .integer(submission.id))
        submission.received = day
        submissions[key] = submission
    }

    /// Stores a value; a repeat of the same key in one file is reported, not stored twice.
    public func value(_ value: Int64, indicator: String, submission: Int64, note: String?) throws -> ValueOutcome {
        try flush()
        written.insert(submission)
        insertValue.reset()
        try insertValue.bindInt(submission, at: 1)
        try insertValue.bind(.text(indicator), at: 2)
        try insertValue.bindInt(value, at: 3)
        try insertValue.bind(note.map(SQLValue.text) ?? .null, at: 4)
        try insertValue.step()
        insertValue.reset()
        if database.changes == 1 {
            storedCount += 1
            return .inserted
        }
        try existingValue.bind(.integer(submission), .text(indicator))
        let existing = try existingValue.step() ? existingValue.int64(0) : value
        existingValue.reset()
        return existing == value ? .repeated : .conflicting(existing: existing)
    }

    /// Records the file's SHA-256 on its batch, so the same bytes are recognised next time.
    public func recordSHA256(_ sha256: String) throws {
        try database.prepare("UPDATE batch SET sha256 = ? WHERE id = ?").run(.text(sha256), .integer(batchID))
    }

    public func task(_ taskID: String, status: TaskStatus, evidence: String?, submission: Int64) throws {
        try insertTask.run(.integer(submission), .text(taskID), .text(status.rawValue), .optional(evidence))
    }

    public func narrative(difficulties: String?, proposals: String?, submission: Int64) throws {
        try updateNarrative.run(.optional(difficulties), .optional(proposals), .integer(submission))
    }
}

/// A task's status as a unit reports it.
public enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"
}

extension Store {
    /// Runs `body` in one IMMEDIATE transaction for one input file. Commits when `body`
    /// returns normally and `dryRun` is false; rolls back on a throw or a dry run, leaving
    /// the store exactly as it was. On a store opened read-only only a dry run is possible:
    /// it writes into temporary tables that shadow the store's, never into the file.
    public func ingest<T>(file: String, sha256: String? = nil, ingestedOn: Day, dryRun: Bool,
                          _ body: (IngestWriter) throws -> T) throws -> T {
        precondition(dryRun || !isReadOnly, "a store opened for reading only takes dry runs")
        // Every unit, indicator and submission a file refers to has been checked against the
        // plan before it is written, so SQLite's per-row foreign-key lookups only slow a large
        // file down; `hiendien check` runs `PRAGMA foreign_key_check` over the whole store.
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        return try database.inTransaction(isReadOnly ? .deferred : .immediate) { () throws -> (Database.Completion, T) in
            if isReadOnly { try database.execute(Store.dryRunShadow) }
            let writer = try IngestWriter(database: database, file: file, sha256: sha256, ingestedOn: ingestedOn)
            let result = try body(writer)
            try writer.flush()
            return (dryRun ? .rollback : .commit, result)
        }
    }
}
