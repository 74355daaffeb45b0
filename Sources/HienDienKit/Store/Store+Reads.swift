/// The current value of one indicator for one unit and period (after revisions).
public struct StoredValue: Hashable, Sendable {
    public var unit: String
    public var period: Period
    public var indicator: String
    public var value: Int64

    public init(unit: String, period: Period, indicator: String, value: Int64) {
        self.unit = unit
        self.period = period
        self.indicator = indicator
        self.value = value
    }
}

/// A unit's submission record for one period: first receipt, how many versions.
public struct SubmissionRecord: Hashable, Sendable {
    public var unit: String
    public var period: Period
    /// When the first version arrived (this decides timeliness).
    public var firstReceived: Day
    /// When the latest version arrived.
    public var lastReceived: Day
    /// Number of versions, the first included.
    public var versions: Int
    public var revisions: Int { versions - 1 }
}

/// An ingested file as the store remembers it.
public struct StoredBatch: Hashable, Sendable {
    /// The file as it was named when ingested.
    public var file: String
    public var ingestedOn: Day
}

/// A task status a unit reported for a period (its latest word on it).
public struct TaskReport: Hashable, Sendable {
    public var unit: String
    public var period: Period
    public var task: String
    public var status: TaskStatus
    public var evidence: String?
}

/// Difficulties and proposals a unit wrote in its report for a period (latest version).
public struct Narrative: Hashable, Sendable {
    public var unit: String
    public var period: Period
    public var difficulties: String?
    public var proposals: String?
}

extension Store {
    // MARK: - Reads

    /// Every current value for periods up to and including `period` (for a quarter: earlier
    /// quarters and earlier years' annual reports too), in (unit, period) order. Collects what
    /// `forEachCurrentReport` hands over; the engine reads the groups one at a time instead.
    public func currentValues(through period: Period, receivedBy: Day? = nil) throws -> [StoredValue] {
        var result: [StoredValue] = []
        try forEachCurrentReport(through: period, receivedBy: receivedBy) { unit, period, values in
            for (indicator, value) in values {
                result.append(StoredValue(unit: unit, period: period, indicator: indicator, value: value))
            }
        }
        return result
    }

    /// Hands `body` each unit's current values for each period up to and including `period`,
    /// one (unit, period) at a time in unit id and period order, with every revision applied:
    /// a later version's value replaces an earlier one for the same indicator, and a value a
    /// later version withdrew (NULL) is not reported. Only one unit and period is held at a time.
    public func forEachCurrentReport(through period: Period, receivedBy: Day? = nil,
                                     _ body: (_ unit: String, _ period: Period,
                                              _ values: [(indicator: String, value: Int64)]) throws -> Void) throws {
        let statement = try valuesInVersionOrder(through: period, receivedBy: receivedBy)
        defer { statement.reset() }
        let indicators = try IndicatorKeys(database)
        var group: [(indicator: String, value: Int64?)] = []
        var position: [String: Int] = [:]  // indicator → index in group
        var currentUnit = "", currentKey = -1
        func flush() throws {
            guard currentKey >= 0 else { return }
            let values = group.compactMap { entry in entry.value.map { (indicator: entry.indicator, value: $0) } }
            if !values.isEmpty { try body(currentUnit, try storedPeriod(currentKey, row: "unit \(currentUnit)"), values) }
        }
        while try statement.step() {
            let unit = statement.text(0), key = statement.int(1)
            if key != currentKey || unit != currentUnit {
                try flush()
                group.removeAll(keepingCapacity: true)
                position.removeAll(keepingCapacity: true)
                currentUnit = unit
                currentKey = key
            }
            let indicator = try indicators.id(statement.int64(2), row: "unit \(unit) period_key \(key)")
            let value = statement.optionalInt64(3)
            if let index = position[indicator] {
                group[index].value = value
            } else {
                position[indicator] = group.count
                group.append((indicator, value))
            }
        }
        try flush()
    }

    /// Hands `body` each unit's current values for every period up to and including `period`,
    /// one unit at a time (unit id order), periods in order, with every revision applied as in
    /// `forEachCurrentReport`. Indicators come as positions in `indicators` (the plan's ids);
    /// a stored indicator not among them is left out. Only one unit's values are held at a time,
    /// and no dictionary is consulted per value: a submission's indicators mostly come in the
    /// order of the one before, which is tried first.
    public func forEachUnitHistory(through period: Period, receivedBy: Day? = nil, indicators: [String],
                                   _ body: (_ unit: String, _ values: [(period: Period, indicator: Int, value: Int64)]) throws -> Void)
    throws {
        let statement = try valuesInVersionOrder(through: period, receivedBy: receivedBy)
        defer { statement.reset() }
        let position = Dictionary(indicators.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = try IndicatorKeys(database)
        let positionByKey = keys.positions(position)
        var history: [(period: Period, indicator: Int, value: Int64)] = []
        // The (unit, period) being read: each indicator's latest value (nil: withdrawn) and
        // which indicators it has, in first-seen order.
        var latest = [Int64?](repeating: nil, count: indicators.count)
        var seen = [Bool](repeating: false, count: indicators.count)
        var order: [Int] = []
        var currentUnit = "", currentKey = -1
        func flushPeriod() throws {
            guard currentKey >= 0, !order.isEmpty else { return }
            let period = try storedPeriod(currentKey, row: "unit \(currentUnit)")
            for i in order {
                if let value = latest[i] { history.append((period, i, value)) }
                seen[i] = false
                latest[i] = nil
            }
            order.removeAll(keepingCapacity: true)
        }
        while try statement.step() {
            let unit = statement.text(0), key = statement.int(1)
            if unit != currentUnit || key != currentKey {
                try flushPeriod()
                if unit != currentUnit {
                    if !history.isEmpty { try body(currentUnit, history) }
                    history.removeAll(keepingCapacity: true)
                    currentUnit = unit
                }
                currentKey = key
            }
            // The indicator's position in the plan, by its key: an array index, no lookup by text.
            let indicatorKey = statement.int64(2)
            var i = indicatorKey >= 0 && indicatorKey < Int64(positionByKey.count) ? positionByKey[Int(indicatorKey)] : -2
            if i == -2 {
                i = position[try keys.id(indicatorKey, row: "unit \(unit)")] ?? -1
            }
            guard i >= 0 else { continue }
            if !seen[i] {
                seen[i] = true
                order.append(i)
            }
            latest[i] = statement.optionalInt64(3)
        }
        try flushPeriod()
        if !history.isEmpty { try body(currentUnit, history) }
    }

    /// Submission records for the given periods, one per unit and period.
    public func submissions(in periods: [Period], receivedBy: Day? = nil) throws -> [SubmissionRecord] {
        let statement = try database.prepare("""
            SELECT s.unit_id, f.received, count(*), max(s.received)
            FROM submission s
            JOIN submission f ON f.unit_id = s.unit_id AND f.period_key = s.period_key AND f.version = 1
            WHERE s.period_key = ? AND f.received <= ? AND s.received <= ?
            GROUP BY s.unit_id ORDER BY s.unit_id
            """)
        let bound = Store.receivedBound(receivedBy)
        var result: [SubmissionRecord] = []
        for period in periods {
            result += try statement.rows(.int(period.key), .text(bound), .text(bound)) { row in
                let where_ = "unit \(row.text(0)) \(period)"
                return SubmissionRecord(unit: row.text(0), period: period, firstReceived: try storedDay(row.text(1), row: where_),
                                        lastReceived: try storedDay(row.text(3), row: where_), versions: row.int(2))
            }
        }
        return result
    }

    /// The latest reported status of every task per unit and period, for periods in `range`.
    public func taskReports(in range: ClosedRange<Period>, receivedBy: Day? = nil) throws -> [TaskReport] {
        let statement = try database.prepare("""
            SELECT s.unit_id, s.period_key, t.task_id, t.status, t.evidence, max(s.id)
            FROM task_report t JOIN submission s ON s.id = t.submission_id
            WHERE s.period_key BETWEEN ? AND ? AND s.received <= ?
            GROUP BY s.unit_id, s.period_key, t.task_id
            ORDER BY s.period_key, t.task_id, s.unit_id
            """)
        return try statement.rows(.int(range.lowerBound.key), .int(range.upperBound.key),
                                  .text(Store.receivedBound(receivedBy))) { row in
            let where_ = "unit \(row.text(0)) task \(row.text(2))"
            guard let status = TaskStatus(rawValue: row.text(3)) else {
                throw StoreError.damagedRow(table: "task_report", row: where_, column: "status", text: row.text(3), path: database.path)
            }
            return TaskReport(unit: row.text(0), period: try storedPeriod(row.int(1), row: where_), task: row.text(2),
                              status: status, evidence: row.optionalText(4))
        }
    }

    /// Difficulties and proposals per unit and period in `range` (latest version that has any).
    public func narratives(in range: ClosedRange<Period>, receivedBy: Day? = nil) throws -> [Narrative] {
        let statement = try database.prepare("""
            SELECT unit_id, period_key, difficulties, proposals, max(version)
            FROM submission
            WHERE period_key BETWEEN ? AND ? AND received <= ? AND (difficulties IS NOT NULL OR proposals IS NOT NULL)
            GROUP BY unit_id, period_key
            ORDER BY period_key, unit_id
            """)
        return try statement.rows(.int(range.lowerBound.key), .int(range.upperBound.key),
                                  .text(Store.receivedBound(receivedBy))) { row in
            Narrative(unit: row.text(0), period: try storedPeriod(row.int(1), row: "unit \(row.text(0))"),
                      difficulties: row.optionalText(2), proposals: row.optionalText(3))
        }
    }

    /// Every version of one unit's value for a period and indicator, oldest first, with the
    /// day each was received — the audit trail behind a figure. A withdrawal (`rút`) is a
    /// version whose value is nil.
    public func history(unit: String, period: Period, indicator: String) throws -> [(version: Int, received: Day, value: Int64?)] {
        let statement = try database.prepare("""
            SELECT s.version, s.received, v.value
            FROM value v JOIN submission s ON s.id = v.submission_id
            WHERE s.unit_id = ? AND s.period_key = ? AND v.indicator_key = (SELECT key FROM indicator WHERE id = ?)
            ORDER BY s.version
            """)
        return try statement.rows(.text(unit), .int(period.key), .text(indicator)) { row in
            (row.int(0), try storedDay(row.text(1), row: "unit \(unit) \(period) version \(row.int(0))"), row.optionalInt64(2))
        }
    }

    /// The periods that have any submission, in order.
    public func periodsWithSubmissions() throws -> [Period] {
        try database.prepare("SELECT DISTINCT period_key FROM submission ORDER BY period_key")
            .rows { try storedPeriod($0.int(0), row: "period_key \($0.int(0))") }
    }

    /// The day of the latest receipt in the store, if any.
    public func latestReceipt() throws -> Day? {
        let statement = try database.prepare("SELECT max(received) FROM submission")
        guard try statement.step(), let text = statement.optionalText(0) else { return nil }
        return try storedDay(text, row: "latest receipt")
    }

    // MARK: - Decoding stored rows

    /// A stored `received` day; a value that is no date (a store edited by hand, a damaged
    /// page) is a `StoreError.damagedRow` naming the table and row, never a crash.
    func storedDay(_ text: String, row: String, table: String = "submission", column: String = "received") throws -> Day {
        if let day = Store.isoDay(text) { return day }
        guard let day = Day(parsing: text), day.description == text else {
            throw StoreError.damagedRow(table: table, row: row, column: column, text: text, path: database.path)
        }
        return day
    }

    /// `YYYY-MM-DD` read byte by byte, as every stored day is written (a status of 4,000 units
    /// reads 4,000 of them); nil for anything else, which `Day(parsing:)` then judges.
    static func isoDay(_ text: String) -> Day? {
        var text = text
        return text.withUTF8 { bytes -> Day? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    /// A stored `period_key` (year × 10 + quarter, or + 5 for a year).
    func storedPeriod(_ key: Int, row: String) throws -> Period {
        guard let period = Period(key: key) else {
            throw StoreError.damagedRow(table: "submission", row: row, column: "period_key", text: String(key),
                                        path: database.path)
        }
        return period
    }

    /// The earliest stored file with these exact bytes (its SHA-256), if any.
    public func batch(withSHA256 sha256: String) throws -> StoredBatch? {
        let statement = try database.prepare("SELECT file, ingested_on FROM main.batch WHERE sha256 = ? ORDER BY id LIMIT 1")
        try statement.bind(.text(sha256))
        guard try statement.step() else { return nil }
        let found = StoredBatch(file: statement.text(0),
                                ingestedOn: try storedDay(statement.text(1), row: "file \(statement.text(0))", table: "batch",
                                                          column: "ingested_on"))
        statement.reset()
        return found
    }

    /// Received dates are stored as `YYYY-MM-DD`, which sort as text; no bound is the far future.
    static func receivedBound(_ day: Day?) -> String { day?.description ?? "9999-12-31" }

    /// Every stored value up to `period` received by `receivedBy`, as (unit, period key,
    /// indicator key, value or NULL), walking submissions in (unit, period, version) order — the
    /// order of their unique index, so SQLite sorts nothing (a GROUP BY with max() sorted 850,000
    /// rows nationally). The two walks over current values read it.
    private func valuesInVersionOrder(through period: Period, receivedBy: Day?) throws -> Statement {
        let statement = try database.prepare("""
            SELECT s.unit_id, s.period_key, v.indicator_key, v.value
            FROM submission s JOIN value v ON v.submission_id = s.id
            WHERE s.period_key <= ? AND s.received <= ?
            ORDER BY s.unit_id, s.period_key, s.version
            """)
        try statement.bind(.int(period.key), .text(Store.receivedBound(receivedBy)))
        return statement
    }
}
