/// Computes every figure of a quarterly or year-end report from the store's values, as
/// README.md ("What the figures mean") defines them.
///
/// The units are walked one at a time (`ReportPass`): one unit's values are held, and running
/// totals for everything the report adds up, never every current value of the store.
public struct ReportEngine: Sendable {
    public let plan: Plan
    /// counts[i][u]: whether unit u's values count in indicator i's totals (its `sources`).
    let counts: [[Bool]]
    /// Positions of the plan's units and indicators by id (the first, should an id repeat).
    let unitIndex: [String: Int]
    let indicatorIndex: [String: Int]

    public init(plan: Plan) {
        self.plan = plan
        counts = plan.indicators.map { indicator in plan.units.map { indicator.counts(type: $0.type) } }
        unitIndex = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorIndex = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: - Report

    /// Reads what the period needs from the store and computes.
    ///
    /// The reads run in one `Store.read`, so they all see the same state of the store: an
    /// ingest committing meanwhile is either wholly in the report or not at all. Values come
    /// one unit at a time (`Store.forEachUnitHistory`) into the
    /// pass, which keeps that unit's values and the running totals only.
    public func report(for period: Period, asOf: Day, store: Store) throws -> PeriodReport {
        // What was known on `asOf`: submissions received later are left out, so a report or a
        // chase list made "as of" a past day says what it would have said that day.
        let (pass, submissions, tasks, narratives) = try store.read { store in
            var pass = ReportPass(engine: self, period: period)
            let ids = plan.indicators.map(\.id)
            try store.forEachUnitHistory(through: period, receivedBy: asOf, indicators: ids) { unit, history in
                if let u = unitIndex[unit] { pass.add(unit: u, history) }
            }
            let submissions = try store.submissions(in: [period], receivedBy: asOf)
            let first = plan.quarters.first ?? period.quarters[0]
            let tasks = try store.taskReports(in: min(first, period.quarters[0])...period, receivedBy: asOf)
            let narratives = try store.narratives(in: period.quarters[0]...period, receivedBy: asOf)
            return (pass, submissions, tasks, narratives)
        }
        return report(for: period, asOf: asOf, pass: pass, submissions: submissions, taskReports: tasks,
                      narratives: narratives)
    }

    /// The pure computation, from values already read.
    public func report(for period: Period, asOf: Day, values: [StoredValue], submissions: [SubmissionRecord],
                       taskReports: [TaskReport], narratives: [Narrative]) -> PeriodReport {
        var byUnit: [Int: [UnitValues.Entry]] = [:]
        for value in values {
            guard let u = unitIndex[value.unit], let i = indicatorIndex[value.indicator] else { continue }
            byUnit[u, default: []].append((value.period, i, value.value))
        }
        var pass = ReportPass(engine: self, period: period)
        for (u, entries) in byUnit.sorted(by: { $0.key < $1.key }) { pass.add(unit: u, entries) }
        return report(for: period, asOf: asOf, pass: pass, submissions: submissions, taskReports: taskReports,
                      narratives: narratives)
    }

    func report(for period: Period, asOf: Day, pass: ReportPass, submissions: [SubmissionRecord],
                taskReports: [TaskReport], narratives: [Narrative]) -> PeriodReport {
        var pass = pass
        let window = plan.reporting.window(for: period)
        let rows = pass.indicatorRows()
        let targets = pass.targetResults()
        let periodSubmissions = submissionRows(for: period, asOf: asOf, records: submissions)
        let trend: [(Period, [IndicatorRow])] = pass.trendRows().map { quarter, totals in
            // A quarter's own totals are already in `rows`.
            (quarter, totals ?? rows.filter { $0.scope == .total })
        }
        let rateRows = pass.rateRows()
        var report = PeriodReport(
            plan: plan, period: period, window: window, due: plan.reporting.lastAllowedDay(for: period), asOf: asOf,
            targets: targets, indicators: rows, subtotals: pass.subtotals(), typeTotals: pass.typeTotals(),
            submissions: periodSubmissions, rates: rates(periodSubmissions),
            tasks: taskRows(for: period, asOf: asOf, reports: taskReports),
            narratives: narratives.filter { period.quarters.contains($0.period) || $0.period == period },
            warnings: pass.dataWarnings(), trend: trend, previousYearTotals: pass.previousYearRows())
        report.rateRows = rateRows
        report.tasks = applyQuotas(report.tasks, progress: pass.quotaProgress, period)
        report.ranking = planStandings(period, figures: pass.rankingFigures, targets: targets, rates: rateRows)
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
