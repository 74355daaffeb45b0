/// Whom a figure is for: the whole area of the plan (the province; the country for a national
/// plan) or one unit. A unit id can never stand for the total, whatever it is spelt.
public enum Scope: Hashable, Sendable, Comparable {
    case total
    case unit(String)

    /// The unit's id; nil for the total.
    public var unitID: String? {
        if case .unit(let id) = self { return id }
        return nil
    }

    public var isTotal: Bool { self == .total }

    /// How the machine tables (`targets.csv`, `indicators.csv`) write it: `TOTAL` for the
    /// total, else the unit's id.
    public var tableText: String { unitID ?? "TOTAL" }

    /// The total first, then units by id (the order of `targets.csv`).
    public static func < (lhs: Scope, rhs: Scope) -> Bool {
        switch (lhs, rhs) {
        case (.total, .unit): return true
        case let (.unit(a), .unit(b)): return a < b
        default: return false
        }
    }
}

/// Trạng thái chỉ tiêu: how a target stands at the end of a period's window.
public enum TargetStatus: String, Sendable, Hashable, CaseIterable {
    case achieved
    case onTrack = "on_track"
    case behind
    /// The deadline falls within or before the period and the goal was missed: the final verdict.
    case notAchieved = "not_achieved"
    case noData = "no_data"
}

/// Where the figure lands at the deadline at the pace so far, and the pace needed from now.
public struct Projection: Hashable, Sendable {
    /// Straight-line extrapolation of the change since the plan's start to the deadline.
    public var atDeadline: Double
    /// True when a fraction's straight line passes 100 % before the deadline: the estimate is
    /// then no figure to print, only "the goal is reached before the deadline at this pace".
    public var exceedsWhole: Bool = false
    /// Calendar quarters after the period's quarter up to the deadline's quarter (Quý II/2026 to
    /// 31/12/2030: 18); 0 when the deadline lies in the period's last quarter or before.
    public var quartersLeft: Int
    /// Increase needed per quarter from now on to reach the goal; nil when already reached or no time is left.
    public var neededPerQuarter: Double?
    /// Increase per quarter achieved so far.
    public var pacePerQuarter: Double
}

/// One target evaluated for the plan (`scope` = `.total`) or for one unit.
public struct TargetResult: Hashable, Sendable {
    /// The target as it stands in the period (its baseline, a yearly goal). Held in a box that
    /// the results of one target share: a national per-unit target has 4.000 results, and a
    /// `Target` is several hundred bytes.
    public var target: Target {
        get { box.target }
        set { box = TargetBox(newValue) }
    }
    private var box: TargetBox
    public var scope: Scope
    /// Ratio/coverage: a fraction rounded to 4 places; count: the cumulative count. Nil: no data.
    public var actual: Double?
    /// Σ numerator and Σ denominator (ratio), covered and total units (coverage), or the count.
    public var numerator: Int64?
    public var denominator: Int64?
    /// The goal for this scope (a per-unit count target's TOTAL goal is the per-unit goal × units).
    public var goal: Double
    public var goalHigh: Double?
    public var expected: Double
    public var status: TargetStatus
    public var projection: Projection?

    public init(target: Target, scope: Scope, actual: Double?, numerator: Int64?, denominator: Int64?, goal: Double,
                goalHigh: Double?, expected: Double, status: TargetStatus, projection: Projection?) {
        self.init(box: TargetBox(target), scope: scope, actual: actual, numerator: numerator, denominator: denominator,
                  goal: goal, goalHigh: goalHigh, expected: expected, status: status, projection: projection)
    }

    /// A result sharing `box` with the other results of its target.
    init(box: TargetBox, scope: Scope, actual: Double?, numerator: Int64?, denominator: Int64?, goal: Double,
         goalHigh: Double?, expected: Double, status: TargetStatus, projection: Projection?) {
        self.box = box
        self.scope = scope
        self.actual = actual
        self.numerator = numerator
        self.denominator = denominator
        self.goal = goal
        self.goalHigh = goalHigh
        self.expected = expected
        self.status = status
        self.projection = projection
    }
}

/// A target shared by the results that measure it; never changed once made.
final class TargetBox: Hashable, Sendable {
    let target: Target
    init(_ target: Target) { self.target = target }
    static func == (lhs: TargetBox, rhs: TargetBox) -> Bool { lhs === rhs || lhs.target == rhs.target }
    func hash(into hasher: inout Hasher) { hasher.combine(target) }
}

/// One indicator's figure for a unit (or the total) in a period.
public struct IndicatorRow: Hashable, Sendable {
    public var scope: Scope
    public var indicator: String
    public var value: Int64?
    /// From the plan's start for `sum` indicators; equals `value` for `last` ones.
    public var cumulative: Int64?
    public var carried: Bool
    /// False when the unit's type is outside the indicator's `sources` (shown, not added).
    public var counted: Bool
}

/// A parent unit's subtotal: itself, its descendants and the units merged into them.
public struct SubtotalRow: Hashable, Sendable {
    public var unit: String
    public var indicator: String
    public var value: Int64?
    public var cumulative: Int64?
    /// Units whose figures the subtotal adds (the parent first).
    public var members: [String]
}

/// An indicator's total over the units of one type.
public struct TypeTotalRow: Hashable, Sendable {
    public var type: String
    public var indicator: String
    public var value: Int64?
    public var cumulative: Int64?
    public var reportingUnits: Int
    public var counted: Bool
}

/// Whether a unit's report for a period came in time.
public enum SubmissionStatus: String, Sendable, Hashable, CaseIterable {
    case onTime = "on_time"
    case late
    case missing
    case pending
}

/// One expected unit's reporting status for a period.
public struct SubmissionRow: Hashable, Sendable {
    public var unit: String
    public var period: Period
    public var status: SubmissionStatus
    public var received: Day?
    public var due: Day
    public var revisions: Int
    /// Days from `asOf` to the last allowed day (negative once passed); for the chase list.
    public var daysLeft: Int
}

/// Completeness (share of expected units that reported) and timeliness (share that reported on time).
public struct ReportingRate: Hashable, Sendable {
    /// Nil for the overall rate.
    public var type: String?
    public var expected: Int
    public var reported: Int
    public var onTime: Int
    public var completeness: Double? { expected == 0 ? nil : Double(reported) / Double(expected) }
    public var timeliness: Double? { expected == 0 ? nil : Double(onTime) / Double(expected) }
}

/// Who reported for a period and when: the submission rows and the rates, without any figure.
public struct ReportingStatus: Sendable {
    public var period: Period
    /// The last day a unit's report for this period may arrive and be on time.
    public var due: Day
    public var asOf: Day
    /// One row per unit expected to report, sorted by unit id.
    public var submissions: [SubmissionRow]
    /// Per unit type in the plan's order, then overall.
    public var rates: [ReportingRate]
}

/// A task's status for the period.
public enum TaskState: String, Sendable, Hashable, CaseIterable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"
    case overdue
}

/// One appendix task's status for a period, from its lead units' reports.
public struct TaskRow: Hashable, Sendable {
    public struct Evidence: Hashable, Sendable {
        public var unit: String
        public var period: Period
        public var status: TaskStatus
        public var text: String?
    }

    public var task: PlanTask
    public var status: TaskState
    /// False when no lead unit said anything about the task for the period.
    public var reported: Bool
    /// True when the task is not owed yet at the period's end (a yearly task due in November,
    /// a one-off task due later), so "not started" is no failing.
    public var notYetDue: Bool = false
    /// A task with a counted quota: Σ of its quota indicator over the leads so far.
    public var quotaProgress: Int64? = nil
    public var evidence: [Evidence]
}

/// A figure that looks wrong: listed for a person to check, never silently fixed.
public struct DataWarning: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        case numeratorAboveDenominator = "numerator_above_denominator"
        case stockFell = "stock_fell"
        case jump = "tenfold_jump"
        case annualMismatch = "annual_mismatch"
    }

    public var kind: Kind
    public var unit: String
    public var indicator: String
    public var period: Period
    public var value: Int64
    /// The figure it was compared with (the denominator, the previous value, the sum of quarters).
    public var reference: Int64
    public var referencePeriod: Period?
}

/// Everything a quarterly or year-end report says, as plain values (no formatting, no I/O).
public struct PeriodReport: Sendable {
    public var plan: Plan
    public var period: Period
    public var window: ClosedRange<Day>
    /// The last day a unit's report for this period may arrive and be on time.
    public var due: Day
    public var asOf: Day
    public var targets: [TargetResult]
    /// Per unit with a value (sorted by indicator, then unit), then the total per indicator.
    public var indicators: IndicatorRows
    public var subtotals: [SubtotalRow]
    public var typeTotals: [TypeTotalRow]
    public var submissions: [SubmissionRow]
    public var rates: [ReportingRate]
    public var tasks: [TaskRow]
    public var narratives: [Narrative]
    public var warnings: [DataWarning]
    /// Every quarter of the plan up to this period's end, with its `TOTAL` rows (for trend charts).
    public var trend: [(period: Period, rows: [IndicatorRow])]
    /// Year-end: the year's quarters side by side (a quarter report: just itself).
    public var quarterTotals: [(period: Period, rows: [IndicatorRow])] {
        trend.filter { $0.period.year == period.year && period.quarters.contains($0.period) }
    }
    /// Year-end only: the previous year's `TOTAL` rows (empty when outside the plan).
    public var previousYearTotals: [IndicatorRow]
    /// Rates of the indicators that declare them (per 1.000 people, per enterprise): per unit with
    /// the reference figure, then `TOTAL` (ratio of sums over those units).
    public var rateRows: [RateRow] = []
    /// The ranking and commendation the plan declares; nil when it declares neither.
    public var ranking: Standings? = nil

    public var isYearEnd: Bool { period.isYear }

    public func total(_ indicator: String) -> IndicatorRow? {
        let found = indicators.indices.first { index in
            let row = indicators.packed(index)
            return row.isTotal && plan.indicators[Int(row.indicator)].id == indicator
        }
        return found.map { indicators[$0] }
    }
}
