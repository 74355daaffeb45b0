/// What one input file added to the store (or would add, in a dry run).
public struct IngestSummary: Sendable, Equatable {
    public var file: String
    public var format: String
    public var units: Int
    public var periods: [Period]
    public var values: Int
    /// ReportingUnit-and-period submissions in the file, revisions included.
    public var submissions: Int
    /// Submissions that re-send a unit and period already in the store.
    public var revisions: Int
    public var taskReports: Int
    /// Of `values`, those withdrawn (`rút`).
    public var withdrawn: Int = 0
    public var dryRun: Bool
    /// When the file's exact bytes were stored before: that earlier batch; nothing was stored now.
    public var alreadyStored: StoredBatch? = nil
    /// The sheet read, for a workbook.
    public var sheet: String? = nil
    /// What was stored but is worth saying (`value.not-counted`, `value.withdraw-nothing`).
    public var warnings: [Diagnostic] = []
}

/// Options that apply to every file of one `ingest` run.
public struct IngestOptions: Sendable {
    /// `--received`: the day the files arrived, used when a report carries no `submitted` date.
    public var received: Day?
    /// Today (injected so that tests and scheduled runs are reproducible).
    public var today: Day
    /// Check everything, store nothing.
    public var dryRun: Bool
    /// At most this many problems are listed per file.
    public var maxDiagnostics: Int

    public init(received: Day? = nil, today: Day = .today(), dryRun: Bool = false, maxDiagnostics: Int = 50) {
        self.received = received
        self.today = today
        self.dryRun = dryRun
        self.maxDiagnostics = maxDiagnostics
    }
}

/// Turns unit report files (CSV long or wide form, JSON) into stored submissions: each file
/// whole, in one transaction, or not at all — with every problem named by file, line, column
/// (or JSON path), the offending text and what to do.
public final class ReportIngester {
    public let plan: Plan
    public let store: Store
    let matcher: UnitMatcher
    let unitsByID: [String: ReportingUnit]
    /// Each unit id's position in `plan.units`.
    let unitNumbers: [String: Int]
    let indicatorIDs: Set<String>
    /// Each indicator id's position in `plan.indicators`, as `ReportedValue.indicator` gives it.
    let indicatorIndex: [String: Int]
    let indicatorByKey: [String: String]
    let taskIDs: Set<String>
    /// Units the plan names in a task (lead or partner), and the coordinator: they may send a
    /// report (figures, progress) even when they are not expected to report (`reports: false`).
    let unitsWithARole: Set<String>
    /// Called with (bytes read, total bytes) while a large CSV file is read.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Whether the common row of a large CSV file may take the byte-level shortcut
    /// (`ingestKnownRow`); off only in tests and the fuzz target that prove it changes nothing.
    var usesRowShortcut = true
    /// Rows the shortcut took, so that the tests proving it equal know they exercised it.
    var rowsByShortcut = 0

    public init(plan: Plan, store: Store) {
        self.plan = plan
        self.store = store
        matcher = UnitMatcher(plan.units.map { UnitMatcher.Entry(id: $0.id, name: $0.name, aliases: $0.aliases) })
        unitsByID = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        unitNumbers = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorIDs = Set(plan.indicators.map(\.id))
        indicatorIndex = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byKey: [String: String] = [:]
        for indicator in plan.indicators {
            byKey[indicator.id.lowercased()] = indicator.id
            byKey[VietnameseText.matchKey(indicator.name)] = indicator.id
        }
        indicatorByKey = byKey
        taskIDs = Set(plan.tasks.map(\.id))
        unitsWithARole = Set(plan.tasks.flatMap { $0.lead + $0.partners } + [plan.coordinator])
    }

    /// Ingests one file. Throws an `InputError` listing every problem; the store is then unchanged.
    public func ingest(path: String, label: String? = nil, options: IngestOptions) throws -> IngestSummary {
        let file = label ?? path
        try checkReceivedOption(options, file: file)
        do {
            if try Self.looksLikeWorkbook(path: path, label: file) {
                return try ingestXLSX(path: path, file: file, options: options)
            }
            if try looksLikeJSON(path: path, label: file) {
                return try ingestJSON(path: path, file: file, options: options)
            }
            return try ingestCSV(path: path, file: file, options: options)
        } catch let found as AlreadyStored {
            return IngestSummary(file: file, format: "unchanged", units: 0, periods: [], values: 0, submissions: 0,
                                 revisions: 0, taskReports: 0, dryRun: options.dryRun, alreadyStored: found.batch)
        }
    }

    /// The same bytes again are no revision. Called last in a file's transaction, once the file
    /// was read without a problem (a refused file is never read twice): records the file's
    /// SHA-256, or throws `AlreadyStored` (rolling back) when a stored file has the same.
    func recordDigest(path: String, file: String, writer: IngestWriter) throws {
        try recordDigest(try SHA256.hex(ofFileAt: path, label: file), writer: writer)
    }

    /// Records a file's SHA-256 as `recordDigest(path:file:writer:)` does, or throws `AlreadyStored`.
    func recordDigest(_ sha256: String, writer: IngestWriter) throws {
        if let earlier = try store.batch(withSHA256: sha256) { throw AlreadyStored(batch: earlier) }
        try writer.recordSHA256(sha256)
    }

    private func looksLikeJSON(path: String, label: String) throws -> Bool {
        if path.lowercased().hasSuffix(".json") { return true }
        if path.lowercased().hasSuffix(".csv") { return false }
        let head = try FileBytes.prefix(path: path, label: label, count: 64)
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        return start.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
    }

    // MARK: - Shared checks

    /// Resolves a unit text (id, name or alias).
    func resolveUnit(_ text: String, at location: SourceLocation, lineText: String?,
                     into diagnostics: inout DiagnosticList) -> ReportingUnit? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty {
            diagnostics.append(Diagnostic(at: location, code: "unit.empty", message: "the unit is empty",
                                          hint: "give the unit's id or name as in the plan", lineText: lineText))
            return nil
        }
        let match = matcher.match(trimmed, suggesting: !diagnostics.isFull)
        if let diagnostic = match.diagnostic(for: trimmed, at: location, lineText: lineText) {
            diagnostics.append(diagnostic)
            return nil
        }
        guard let unit = match.id.flatMap({ unitsByID[$0] }) else { return nil }
        // A unit not expected to report may still send what it did for a task it leads or
        // supports (never graded); one with no part in the plan (the Ministry that receives the
        // report) may not report into it.
        if !unit.reports && !unitsWithARole.contains(unit.id) {
            diagnostics.append(Diagnostic(at: location, code: "unit.not-reporting",
                                          message: "\(unit.id) does not report under this plan (\"reports\": false) and has no task in it, so its figures would count nowhere",
                                          offending: text,
                                          hint: "check the unit; if it does report now, set \"reports\": true for it in the plan and run `hiendien init` again",
                                          lineText: lineText))
            return nil
        }
        return unit
    }

    /// Parses a period and checks it lies within the plan and the unit's life.
    func resolvePeriod(_ text: String, unit: ReportingUnit?, at location: SourceLocation, lineText: String?,
                       into diagnostics: inout DiagnosticList) -> Period? {
        guard let period = Period(parsing: text) else {
            diagnostics.append(Diagnostic(at: location, code: "period.invalid", message: "not a reporting period",
                                          offending: text,
                                          hint: "write a quarter as 2026-Q2 (or Q2/2026, Quý II/2026) and a year as 2026",
                                          lineText: lineText))
            return nil
        }
        guard plan.contains(period) else {
            diagnostics.append(Diagnostic(at: location, code: "period.outside-plan",
                                          message: "the period lies outside the plan (\(plan.start) – \(plan.end))",
                                          offending: text, hint: "check the year; is this report for another plan?",
                                          lineText: lineText)
                .with("plan-span", "\(VietnameseFormat.shortDate(plan.start)) – \(VietnameseFormat.shortDate(plan.end))"))
            return nil
        }
        if let unit, !unit.exists(during: plan.reporting.window(for: period)) {
            let life = "\(unit.from?.description ?? "…") – \(unit.until?.description ?? "…")"
            var hint = "a unit reports only for periods in which it existed"
            if let successor = unit.mergedInto { hint += "; after \(unit.until!) its figures belong to \(successor)" }
            diagnostics.append(Diagnostic(at: location, code: "period.outside-unit",
                                          message: "\(unit.id) did not exist during \(period) (it existed \(life))",
                                          offending: text, hint: hint, lineText: lineText)
                .with("unit-life", "\(unit.from.map(VietnameseFormat.shortDate) ?? "…") – \(unit.until.map(VietnameseFormat.shortDate) ?? "…")")
                .with("successor", unit.mergedInto))
            return nil
        }
        return period
    }

    /// Resolves an indicator by id (any case) or by its name.
    func resolveIndicator(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        if indicatorIDs.contains(trimmed) { return trimmed }
        return indicatorByKey[trimmed.lowercased()] ?? indicatorByKey[VietnameseText.matchKey(trimmed)]
    }

    func unknownIndicator(_ text: String, at location: SourceLocation, lineText: String?, suggesting: Bool = true) -> Diagnostic {
        let suggestion = suggesting ? EditDistance.closest(to: text, among: plan.indicators.map(\.id),
                                                           limit: EditDistance.typoLimit(for: text)) : nil
        return Diagnostic(at: location, code: "indicator.unknown", message: "no indicator in the plan has this id or name",
                          offending: text,
                          hint: suggestion.map { "did you mean '\($0)'?" }
                              ?? "indicators of this plan: \(plan.indicators.map(\.id).joined(separator: ", "))",
                          lineText: lineText)
    }

    /// Parses a `submitted` date and checks it is plausible for the period.
    ///
    /// `parsed` is the day `text` spells when the caller already knows it (a file repeats its dates).
    func resolveSubmitted(_ text: String, period: Period?, options: IngestOptions,
                          at location: @autoclosure () -> SourceLocation, lineText: String?,
                          into diagnostics: inout DiagnosticList, parsed: Day? = nil) -> Day? {
        guard let day = parsed ?? Day(parsing: text) else {
            diagnostics.append(Diagnostic(at: location(), code: "date.invalid", message: "not a date", offending: text,
                                          hint: "write the date as YYYY-MM-DD or dd/mm/yyyy", lineText: lineText))
            return nil
        }
        if day > options.today {
            diagnostics.append(Diagnostic(at: location(), code: "date.future",
                                          message: "the submission date is after today (\(options.today))",
                                          offending: text, hint: "check the year and the day/month order (dd/mm/yyyy)",
                                          lineText: lineText).with("today", VietnameseFormat.shortDate(options.today)))
            return nil
        }
        if let period, day < plan.reporting.window(for: period).lowerBound {
            diagnostics.append(Diagnostic(at: location(), code: "date.before-period",
                                          message: "the report is dated before \(period) began",
                                          offending: text, hint: "check the period and the date", lineText: lineText))
            return nil
        }
        return day
    }

    /// The received day for a submission: its own date, else `--received`, else today.
    func receivedDay(_ submitted: Day?, options: IngestOptions) -> Day {
        submitted ?? options.received ?? options.today
    }

    func summary(of writer: IngestWriter, file: String, format: String, tasks: Int, warnings: DiagnosticList,
                 options: IngestOptions) -> IngestSummary {
        let tally = writer.tally
        var summary = IngestSummary(file: file, format: format, units: tally.units, periods: tally.periods,
                                    values: writer.valueCount, submissions: tally.submissions, revisions: tally.revisions,
                                    taskReports: tasks, dryRun: options.dryRun)
        summary.withdrawn = writer.withdrawnCount
        summary.warnings = warnings.items
        return summary
    }
}

/// Thrown from inside a file's transaction to roll it back: the same bytes were stored before.
struct AlreadyStored: Error {
    var batch: StoredBatch
}

/// Thrown from inside a transaction to roll it back while keeping the collected problems.
struct RollbackWithDiagnostics: Error {
    var diagnostics: DiagnosticList
}
