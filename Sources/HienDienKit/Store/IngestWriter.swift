/// Writes one input file's submissions inside the single transaction `Store.ingest` opens:
/// everything or nothing. It takes checked `SubmissionPart`s from the ingest and owns what
/// the store needs to write them: the batch record, the version of each submission, each
/// indicator's integer key (looked up once per file), and values inserted many rows per statement.
public final class IngestWriter {
    /// What a file added, for its summary.
    public struct Tally: Sendable, Equatable {
        public var units: Int
        public var periods: [Period]
        public var submissions: Int
        /// Submissions that re-send a unit and period an earlier file had.
        public var revisions: Int
    }

    private let database: Database
    private let batchID: Int64
    private let insertSubmission: Statement
    private let nextVersion: Statement
    private let updateReceived: Statement
    private let insertTask: Statement
    private let updateNarrative: Statement
    private let valueInFile: Statement
    private let indicatorsOfSubmission: Statement
    private let earlierValue: Statement
    /// The submissions this file made, keyed by `packed(_:)`: a national file has 84,320, so
    /// each costs 16 bytes here rather than a dictionary of strings and days.
    private var submissions: [Int64: Made] = [:]
    private struct Made {
        var id: Int64
        var version: Int32
        /// `Day.ordinal` of the received day.
        var received: Int32
    }
    private var unitNumbers: [String: Int64] = [:]
    private var unitIDs: [String] = []
    /// The stored indicator key → its position in the list the writer was opened with.
    private let indicatorPositions: [Int64: Int]
    /// Values handed over (stored, or waiting in `pending` to be), withdrawals included.
    public private(set) var valueCount = 0
    /// Of those, withdrawals (`rút`).
    public private(set) var withdrawnCount = 0

    /// Values waiting to be inserted, `batchSize` rows per statement.
    private var pending: [PendingValue] = []
    /// A named struct rather than a tuple: clearing an array of tuples went through the
    /// runtime's generic destroy, a few percent of a national ingest.
    private struct PendingValue {
        var submission: Int64
        var indicator: Int
        var value: Int64?
        var note: String?
    }
    private static let batchSize = 50
    private var batchStatements: [Int: Statement] = [:]
    /// The plan's indicator ids and their stored keys (`ReportedValue.indicator` is an index
    /// into them); nil for an indicator the store does not have.
    private let indicatorIDs: [String]
    private let indicatorKeys: [Int64?]

    init(database: Database, file: String, sha256: String?, ingestedOn: Day, indicators: [String]) throws {
        self.database = database
        try database.prepare("INSERT INTO batch(file, sha256, ingested_on) VALUES (?, ?, ?)")
            .run(.text(file), .optional(sha256), .text(ingestedOn.description))
        batchID = database.lastInsertedRowID
        insertSubmission = try database.prepare("""
            INSERT INTO submission(batch_id, unit_id, period_key, version, received) VALUES (?, ?, ?, ?, ?)
            """)
        // Earlier versions are read from the file itself (`main`), also in a dry run on a store
        // opened read-only, where unqualified names find the empty shadow tables.
        nextVersion = try database.prepare(
            "SELECT coalesce(max(version), 0) + 1 FROM main.submission WHERE unit_id = ? AND period_key = ?")
        updateReceived = try database.prepare("UPDATE submission SET received = ? WHERE id = ?")
        insertTask = try database.prepare("""
            INSERT INTO task_report(submission_id, task_id, status, evidence) VALUES (?, ?, ?, ?)
            """)
        updateNarrative = try database.prepare("UPDATE submission SET difficulties = ?, proposals = ? WHERE id = ?")
        valueInFile = try database.prepare("SELECT value FROM value WHERE submission_id = ? AND indicator_key = ?")
        indicatorsOfSubmission = try database.prepare("SELECT indicator_key FROM value WHERE submission_id = ?")
        earlierValue = try database.prepare("""
            SELECT v.value FROM main.submission s JOIN main.value v ON v.submission_id = s.id
            WHERE s.unit_id = ? AND s.period_key = ? AND v.indicator_key = ? AND s.version < ?
            ORDER BY s.version DESC LIMIT 1
            """)
        let stored = Dictionary(try database.prepare("SELECT id, key FROM main.indicator").rows { ($0.text(0), $0.int64(1)) },
                                uniquingKeysWith: { a, _ in a })
        indicatorIDs = indicators
        indicatorKeys = indicators.map { stored[$0] }
        indicatorPositions = Dictionary(indicatorKeys.enumerated().compactMap { position, key in key.map { ($0, position) } },
                                        uniquingKeysWith: { a, _ in a })
    }

    // MARK: - Writing

    /// Stores a checked part: the submission (a new version on its first part in this file),
    /// its values (batched), tasks and texts.
    public func write(_ part: SubmissionPart) throws {
        let submission = try self.submission(for: part)
        for value in part.values {
            pending.append(PendingValue(submission: submission, indicator: value.indicator, value: value.value, note: value.note))
            if value.value == nil { withdrawnCount += 1 }
            if pending.count == Self.batchSize { try flush() }
        }
        valueCount += part.values.count
        for task in part.tasks {
            try insertTask.run(.integer(submission), .text(task.task), .text(task.status.rawValue), .optional(task.evidence))
        }
        if part.difficulties != nil || part.proposals != nil {
            try updateNarrative.run(.optional(part.difficulties), .optional(part.proposals), .integer(submission))
        }
    }

    /// The submission of a part's unit and period in this file, created (as the next version)
    /// on first use; a later part with another received day corrects it.
    private func submission(for part: SubmissionPart) throws -> Int64 {
        let key = packed(part.key)
        let received = Int32(part.received.ordinal)
        if var existing = submissions[key] {
            if existing.received != received {
                try updateReceived.run(.text(part.received.description), .integer(existing.id))
                existing.received = received
                submissions[key] = existing
            }
            return existing.id
        }
        try nextVersion.bind(.text(part.unit), .int(part.period.key))
        let version = try nextVersion.step() ? nextVersion.int(0) : 1
        nextVersion.reset()
        try insertSubmission.run(.integer(batchID), .text(part.unit), .int(part.period.key), .int(version),
                                 .text(part.received.description))
        let id = database.lastInsertedRowID
        submissions[key] = Made(id: id, version: Int32(version), received: received)
        return id
    }

    /// A unit and period as one number: the unit's number in this file, and the period's key.
    private func packed(_ key: SubmissionKey) -> Int64 {
        let unit: Int64
        if let known = unitNumbers[key.unit] {
            unit = known
        } else {
            unit = Int64(unitIDs.count)
            unitNumbers[key.unit] = unit
            unitIDs.append(key.unit)
        }
        return unit << 32 | Int64(key.period.key)
    }

    /// Whether this file has a submission for the unit and period (a part was handed over).
    public func hasSubmission(_ key: SubmissionKey) -> Bool {
        submissions[packed(key)] != nil
    }

    /// What the file added so far: units, periods, submissions and revisions.
    public var tally: Tally {
        var units = Set<Int64>(), periods = Set<Int>()
        var revisions = 0
        for (key, made) in submissions {
            units.insert(key >> 32)
            periods.insert(Int(key & 0xFFFF_FFFF))
            if made.version > 1 { revisions += 1 }
        }
        return Tally(units: units.count, periods: periods.compactMap(Period.init(key:)).sorted(),
                     submissions: submissions.count, revisions: revisions)
    }

    /// Inserts the values waiting, if any.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        let count = pending.count
        let statement = try batchStatement(rows: count)
        statement.reset()
        var index: Int32 = 1
        for item in pending {
            try statement.bindInt(item.submission, at: index)
            try statement.bindInt(try storedKey(item.indicator), at: index + 1)
            if let value = item.value { try statement.bindInt(value, at: index + 2) } else { try statement.bind(.null, at: index + 2) }
            try statement.bind(item.note.map(SQLValue.text) ?? .null, at: index + 3)
            index += 4
        }
        try statement.step()
        statement.reset()
        pending.removeAll(keepingCapacity: true)
    }

    private func batchStatement(rows: Int) throws -> Statement {
        if let statement = batchStatements[rows] { return statement }
        let values = Array(repeating: "(?, ?, ?, ?)", count: rows).joined(separator: ", ")
        let statement = try database.prepare("INSERT INTO value(submission_id, indicator_key, value, note) VALUES \(values)")
        batchStatements[rows] = statement
        return statement
    }

    // MARK: - What the ingest may ask

    /// The value this file already gave for a unit, period and indicator (`.some(nil)`: a
    /// withdrawal), or nil when it gave none — for a file that comes back to a submission after
    /// its earlier rows were handed over.
    public func valueInThisFile(_ key: SubmissionKey, indicator: Int) throws -> Int64?? {
        guard let submission = submissions[packed(key)] else { return nil }
        try flush()
        try valueInFile.bind(.integer(submission.id), .integer(storedKey(indicator)))
        defer { valueInFile.reset() }
        guard try valueInFile.step() else { return nil }
        return .some(valueInFile.optionalInt64(0))
    }

    /// The indicators (positions in the list the writer was opened with) this file gave for a
    /// unit and period so far.
    public func indicatorsInThisFile(_ key: SubmissionKey) throws -> [Int] {
        guard let submission = submissions[packed(key)] else { return [] }
        try flush()
        return try indicatorsOfSubmission.rows(.integer(submission.id)) { indicatorPositions[$0.int64(0)] }.compactMap { $0 }
    }

    /// The value the latest earlier version (an earlier file) holds for a unit, period and
    /// indicator: nil when none gave one, `.some(nil)` when the latest that did withdrew it.
    public func earlierValue(_ key: SubmissionKey, indicator: Int) throws -> Int64?? {
        let before = submissions[packed(key)].map { Int($0.version) } ?? Int.max
        try earlierValue.bind(.text(key.unit), .int(key.period.key), .integer(storedKey(indicator)), .int(before))
        defer { earlierValue.reset() }
        guard try earlierValue.step() else { return nil }
        return .some(earlierValue.optionalInt64(0))
    }

    /// The stored key of the indicator at `index`; an indicator the store's plan lacks (never
    /// the case after `init` stored the plan) is a damaged store, said as such.
    private func storedKey(_ index: Int) throws -> Int64 {
        guard let key = indicatorKeys[index] else {
            throw StoreError.damagedRow(table: "indicator", row: "indicator \(indicatorIDs[index])", column: "key", text: "",
                                        path: database.path)
        }
        return key
    }

    /// Records the file's SHA-256 on its batch, so the same bytes are recognised next time.
    public func recordSHA256(_ sha256: String) throws {
        try database.prepare("UPDATE batch SET sha256 = ? WHERE id = ?").run(.text(sha256), .integer(batchID))
    }
}
