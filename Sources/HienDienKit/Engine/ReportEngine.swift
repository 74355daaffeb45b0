/// Computes every figure of a quarterly or year-end report from the store's values, as
/// README.md ("What the figures mean") defines them.
public struct ReportEngine: Sendable {
    public let plan: Plan
    /// counts[i][u]: whether unit u's values count in indicator i's totals (its `sources`).
    let counts: [[Bool]]

    public init(plan: Plan) {
        self.plan = plan
        counts = plan.indicators.map { indicator in plan.units.map { indicator.counts(type: $0.type) } }
    }

    // MARK: - Report

    /// Reads what the period needs from the store and computes.
    ///
    /// The reads run in one `Store.read`, so they all see the same state of the store: an
    /// ingest committing meanwhile is either wholly in the report or not at all. Values come
    /// one unit's report at a time into a flat `ValueTable`; nothing else holds them.
    public func report(for period: Period, asOf: Day, store: Store) throws -> PeriodReport {
        // What was known on `asOf`: submissions received later are left out, so a report or a
        // chase list made "as of" a past day says what it would have said that day.
        let (table, submissions, tasks, narratives) = try store.read { store in
            let table = try ValueTable(plan: plan, store: store, through: period, receivedBy: asOf)
            let submissions = try store.submissions(in: [period], receivedBy: asOf)
            let first = plan.quarters.first ?? period.quarters[0]
            let tasks = try store.taskReports(in: min(first, period.quarters[0])...period, receivedBy: asOf)
            let narratives = try store.narratives(in: period.quarters[0]...period, receivedBy: asOf)
            return (table, submissions, tasks, narratives)
        }
        return report(for: period, asOf: asOf, table: table, submissions: submissions, taskReports: tasks,
                      narratives: narratives)
    }

    /// The pure computation, from values already read.
    public func report(for period: Period, asOf: Day, values: [StoredValue], submissions: [SubmissionRecord],
                       taskReports: [TaskReport], narratives: [Narrative]) -> PeriodReport {
        report(for: period, asOf: asOf, table: ValueTable(plan: plan, values: values), submissions: submissions,
               taskReports: taskReports, narratives: narratives)
    }

    func report(for period: Period, asOf: Day, table: ValueTable, submissions: [SubmissionRecord],
                taskReports: [TaskReport], narratives: [Narrative]) -> PeriodReport {
        let window = plan.reporting.window(for: period)
        let rows = indicatorRows(table, period)
        let targets = targetResults(table, period)
        let periodSubmissions = submissionRows(for: period, asOf: asOf, records: submissions)
        var report = PeriodReport(
            plan: plan, period: period, window: window, due: plan.reporting.lastAllowedDay(for: period), asOf: asOf,
            targets: targets, indicators: rows, subtotals: subtotals(table, period),
            typeTotals: typeTotals(table, period), submissions: periodSubmissions,
            rates: rates(periodSubmissions), tasks: taskRows(for: period, asOf: asOf, reports: taskReports),
            narratives: narratives.filter { period.quarters.contains($0.period) || $0.period == period },
            warnings: dataWarnings(table, period),
            trend: plan.quarters.filter { $0 <= period.quarters.last! }.map { quarter in
                // A quarter's own totals are already in `rows`; earlier quarters need only totals.
                (quarter, quarter == period ? rows.filter { $0.scope == .total } : totalRows(table, quarter))
            },
            previousYearTotals: [])
        report.rateRows = rateRows(table, period)
        report.tasks = applyQuotas(report.tasks, table, period)
        report.ranking = planStandings(table, period, targets: targets, rates: report.rateRows)
        if period.isYear, plan.contains(period.previous) {
            report.previousYearTotals = totalRows(table, period.previous)
        }
        return report
    }

    // MARK: - Periods

    /// The last calendar day of a period (31/3 for Quý I, 31/12 for a year).
    static func calendarEnd(of period: Period) -> Day {
        ReportingRule(window: .calendar).window(for: period).upperBound
    }
}

// MARK: - Rounding

/// numerator ÷ denominator rounded half up to 4 places in integer arithmetic, so that a
/// published 0.4321 never depends on binary floating point (0.43215 → 0.4322).
func exactRatio(_ numerator: Int64, _ denominator: Int64) -> Double {
    let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 20_000)
    guard !overflow, denominator > 0, numerator >= 0 else { return rounded4(Double(numerator) / Double(denominator)) }
    return Double((scaled / denominator + 1) / 2) / 10_000
}

/// Rounds half away from zero to 4 decimal places (how ratios are published).
func rounded4(_ value: Double) -> Double {
    (value * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
}
