/// What the ingest hands the store: one unit's report for one period — or a run of it, when a
/// large file gives the same unit and period on many rows — already checked against the plan
/// and the ingest rules (docs/INGEST_RULES.md). The store only writes it: it finds or creates
/// the submission's version, batches the values and binds the statements.
///
/// Several parts may carry the same unit and period (a long file that comes back to a unit);
/// they all go into the one version this file makes. Each unit, period and indicator comes at
/// most once per file: the ingester has refused or dropped a repeat before a part is handed over.
public struct SubmissionPart: Sendable, Equatable {
    public var unit: String
    public var period: Period
    /// The day the report was received; a later part with another day corrects it (a long file
    /// whose first rows had no date).
    public var received: Day
    public var values: [ReportedValue] = []
    public var tasks: [ReportedTask] = []
    public var difficulties: String?
    public var proposals: String?

    public init(unit: String, period: Period, received: Day) {
        self.unit = unit
        self.period = period
        self.received = received
    }

    /// The unit and period, which decide the submission.
    public var key: SubmissionKey { SubmissionKey(unit: unit, period: period) }
}

/// A unit and a period: one submission per file, with a version per file.
public struct SubmissionKey: Hashable, Sendable {
    public var unit: String
    public var period: Period

    public init(unit: String, period: Period) {
        self.unit = unit
        self.period = period
    }
}

/// One value of a report, checked.
public struct ReportedValue: Sendable, Equatable {
    /// The indicator's position in `Plan.indicators` (the store was opened with the plan's ids).
    public var indicator: Int
    /// The count; nil when the report withdraws the value an earlier version gave (`rút`).
    public var value: Int64?
    public var note: String?
    /// Where the value was read in its file, for messages.
    public var position: ValuePosition

    public init(indicator: Int, value: Int64?, note: String? = nil, position: ValuePosition) {
        self.indicator = indicator
        self.value = value
        self.note = note
        self.position = position
    }
}

/// Where in its file a value was read: a line (CSV, a workbook's records), or a JSON path.
/// The file is the part's; a line is kept as a number so a large file's millions of values
/// cost no reference counting.
public enum ValuePosition: Sendable, Equatable {
    case line(Int)
    case path(String)

    /// The location in `file`, as a diagnostic gives it.
    public func location(in file: String) -> SourceLocation {
        switch self {
        case .line(let line): SourceLocation(file: file, line: line)
        case .path(let path): SourceLocation(file: file, path: path)
        }
    }
}

/// A task status the task's lead reports, checked.
public struct ReportedTask: Sendable, Equatable {
    public var task: String
    public var status: TaskStatus
    public var evidence: String?
    public var position: SourceLocation

    public init(task: String, status: TaskStatus, evidence: String?, position: SourceLocation) {
        self.task = task
        self.status = status
        self.evidence = evidence
        self.position = position
    }
}

/// A task's status as a unit reports it.
public enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"
}
