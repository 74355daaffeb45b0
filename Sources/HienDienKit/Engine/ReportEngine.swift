/// Computes every figure of a quarterly or year-end report from the store's values, as
/// CONTRACT.md ("What the figures mean") defines them.
public struct ReportEngine: Sendable {
    public let plan: Plan
    /// counts[i][u]: whether unit u's values count in indicator i's totals (its `sources`).
    let counts: [[Bool]]

    public init(plan: Plan) {
        self.plan = plan
        counts = plan.indicators.map { indicator in plan.units.map { indicator.counts(type: $0.type) } }
    }

    /// Reads what the period needs from the store in one pass of set-based queries and computes.
    ///
    /// The queries run in one read transaction, so they all see the same state of the store:
    /// an ingest committing meanwhile is either wholly in the report or not at all.
    public func report(for period: Period, asOf: Day, store: Store) throws -> PeriodReport {
        // What was known on `asOf`: submissions received later are left out, so a report or a
        // chase list made "as of" a past day says what it would have said that day.
        let (values, submissions, tasks, narratives) = try store.database.inTransaction(.deferred) {
            () throws -> (Database.Completion, ([StoredValue], [SubmissionRecord], [TaskReport], [Narrative])) in
            let values = try store.currentValues(through: period, receivedBy: asOf)
            let submissionPeriods = period.isYear ? period.quarters + [period] : [period]
            let submissions = try store.submissions(in: submissionPeriods, receivedBy: asOf)
            let first = plan.quarters.first ?? period.quarters[0]
            let taskRange = min(first, period.quarters[0])...period
            let tasks = try store.taskReports(in: taskRange, receivedBy: asOf)
            let narratives = try store.narratives(in: period.quarters[0]...period, receivedBy: asOf)
            return (.commit, (values, submissions, tasks, narratives))
        }
        return report(for: period, asOf: asOf, values: values, submissions: submissions, taskReports: tasks,
                      narratives: narratives)
    }

    /// The pure computation, from values already read.
    public func report(for period: Period, asOf: Day, values: [StoredValue], submissions: [SubmissionRecord],
                       taskReports: [TaskReport], narratives: [Narrative]) -> PeriodReport {
        let table = ValueTable(plan: plan, values: values)
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
                (quarter, quarter == period ? rows.filter { $0.unit == totalScope } : totalRows(table, quarter))
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

    // MARK: - Indicators

    /// Only the `TOTAL` row of each indicator (what trends and comparisons need), in the same
    /// order as `indicatorRows`.
    func totalRows(_ table: ValueTable, _ period: Period) -> [IndicatorRow] {
        plan.indicators.indices.map { i in
            var total: Int64 = 0, cumulativeTotal: Int64 = 0
            var anyValue = false, anyCumulative = false, carried = false
            for u in plan.units.indices where counts[i][u] {
                if let figure = table.figure(u, i, period) {
                    total += figure.value
                    anyValue = true
                    carried = carried || figure.isCarried
                }
                if let cumulative = table.cumulative(u, i, period) {
                    cumulativeTotal += cumulative
                    anyCumulative = true
                }
            }
            return IndicatorRow(unit: totalScope, indicator: plan.indicators[i].id, value: anyValue ? total : nil,
                                cumulative: anyCumulative ? cumulativeTotal : nil, carried: carried, counted: true)
        }.sorted { $0.indicator < $1.indicator }
    }

    func indicatorRows(_ table: ValueTable, _ period: Period) -> [IndicatorRow] {
        // Sorted by indicator, then unit, TOTAL last — built in that order, no sort of the rows.
        let window = plan.reporting.window(for: period)
        let unitOrder = plan.units.indices.sorted { plan.units[$0].id < plan.units[$1].id }
        let existed = plan.units.map { $0.exists(during: window) }
        var rows: [IndicatorRow] = []
        for i in plan.indicators.indices.sorted(by: { plan.indicators[$0].id < plan.indicators[$1].id }) {
            let indicator = plan.indicators[i]
            var total: Int64 = 0, cumulativeTotal: Int64 = 0
            var anyValue = false, anyCumulative = false, carried = false
            for u in unitOrder {
                let figure = table.figure(u, i, period)
                let cumulative = table.cumulative(u, i, period)
                let counted = counts[i][u]
                if figure != nil || (cumulative != nil && indicator.overTime == .sum && existed[u]) {
                    rows.append(IndicatorRow(unit: plan.units[u].id, indicator: indicator.id, value: figure?.value,
                                             cumulative: cumulative, carried: figure?.isCarried ?? false,
                                             counted: counted))
                }
                guard counted else { continue }
                if let figure {
                    total += figure.value
                    anyValue = true
                    carried = carried || figure.isCarried
                }
                if let cumulative {
                    cumulativeTotal += cumulative
                    anyCumulative = true
                }
            }
            rows.append(IndicatorRow(unit: totalScope, indicator: indicator.id, value: anyValue ? total : nil,
                                     cumulative: anyCumulative ? cumulativeTotal : nil, carried: carried, counted: true))
        }
        return rows
    }

    /// Members of each parent's subtotal: the parent, its descendants, and units merged into any of them.
    func subtotalMembers() -> [(parent: String, members: [String])] {
        var children: [String: [String]] = [:]
        for unit in plan.units {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
            if let successor = unit.mergedInto { children[successor, default: []].append(unit.id) }
        }
        return plan.units.compactMap { unit in
            guard children[unit.id] != nil else { return nil }
            var members: [String] = [unit.id]
            var seen: Set<String> = [unit.id]
            var queue = children[unit.id] ?? []
            while !queue.isEmpty {
                let next = queue.removeFirst()
                guard seen.insert(next).inserted else { continue }
                members.append(next)
                queue += children[next] ?? []
            }
            return (unit.id, members)
        }
    }

    func subtotals(_ table: ValueTable, _ period: Period) -> [SubtotalRow] {
        var rows: [SubtotalRow] = []
        for (parent, members) in subtotalMembers() {
            for (i, indicator) in plan.indicators.enumerated() {
                var value: Int64?, cumulative: Int64?
                for member in members {
                    guard let u = table.unitIndex[member], indicator.counts(type: plan.units[u].type) else { continue }
                    if let figure = table.figure(u, i, period) { value = (value ?? 0) + figure.value }
                    if let c = table.cumulative(u, i, period) { cumulative = (cumulative ?? 0) + c }
                }
                if value != nil || cumulative != nil {
                    rows.append(SubtotalRow(unit: parent, indicator: indicator.id, value: value, cumulative: cumulative,
                                            members: members))
                }
            }
        }
        return rows
    }

    func typeTotals(_ table: ValueTable, _ period: Period) -> [TypeTotalRow] {
        let types = orderedTypes()
        var rows: [TypeTotalRow] = []
        for (i, indicator) in plan.indicators.enumerated() {
            for type in types {
                var value: Int64?, cumulative: Int64?, reporting = 0
                for (u, unit) in plan.units.enumerated() where unit.type == type {
                    if let figure = table.figure(u, i, period) {
                        value = (value ?? 0) + figure.value
                        reporting += 1
                    }
                    if let c = table.cumulative(u, i, period) { cumulative = (cumulative ?? 0) + c }
                }
                if value != nil || cumulative != nil {
                    rows.append(TypeTotalRow(type: type, indicator: indicator.id, value: value, cumulative: cumulative,
                                             reportingUnits: reporting, counted: indicator.counts(type: type)))
                }
            }
        }
        return rows
    }

    /// ReportingUnit types in the order they first appear in the plan.
    func orderedTypes() -> [String] {
        var seen: Set<String> = []
        return plan.units.map(\.type).filter { seen.insert($0).inserted }
    }

    // MARK: - Targets

    func targetResults(_ table: ValueTable, _ period: Period) -> [TargetResult] {
        let windowEnd = plan.reporting.window(for: period).upperBound
        var results: [TargetResult] = []
        for planTarget in plan.targets {
            let (target, table) = inForce(planTarget, table, period)
            let scopeUnits = unitsInScope(of: target, period)
            let perUnitCount = target.perUnit && !target.kind.isFraction
            let window = plan.reporting.window(for: period)
            // A quota's TOTAL goal counts the units in scope at the period's end.
            let goalUnits = Double(scopeUnits.filter { $0.unit.isGraded && $0.unit.exists(on: window.upperBound) }.count)
            let totalGoal = perUnitCount ? target.goal * goalUnits : target.goal
            let totalHigh = target.goalHigh.map { perUnitCount ? $0 * goalUnits : $0 }
            let (actual, numerator, denominator) = measure(target, table, period, units: scopeUnits.map { $0.index })
            results.append(evaluate(target, scope: totalScope, actual: actual, numerator: numerator,
                                    denominator: denominator, goal: totalGoal, goalHigh: totalHigh, windowEnd: windowEnd,
                                    period: period))
            guard target.perUnit else { continue }
            // Per unit: the units that exist in the period and have reported any of the inputs.
            let inputs = target.kind.indicators.compactMap { table.indicatorIndex[$0] }
            let evaluated = scopeUnits.filter { index, unit in
                unit.reports && unit.exists(during: window) && inputs.contains { table.hasAny(unit: index, indicator: $0, through: period) }
            }
            for (index, unit) in evaluated.sorted(by: { $0.unit.id < $1.unit.id }) {
                let (actual, numerator, denominator) = measure(target, table, period, units: [index])
                results.append(evaluate(forUnit(target, table, period, unit: index), scope: unit.id, actual: actual, numerator: numerator,
                                        denominator: denominator, goal: target.goal, goalHigh: target.goalHigh,
                                        windowEnd: windowEnd, period: period))
            }
        }
        return results
    }

    /// The units a target is measured over: those that exist in the period and whose type
    /// counts for the target's (first) indicator; coverage: the units of its type.
    func unitsInScope(of target: Target, _ period: Period) -> [(index: Int, unit: ReportingUnit)] {
        let window = plan.reporting.window(for: period)
        let indicators = target.kind.indicators.compactMap { plan.indicator($0) }
        return plan.units.enumerated().filter { _, unit in
            if case let .coverage(_, type) = target.kind {
                return unit.type == type && unit.reports && unit.exists(during: window)
            }
            // A unit is in scope when any of the target's indicators counts its type (and the
            // quota's `unit_types` list it); each sum then applies its own indicator's `sources`.
            guard target.unitTypes.isEmpty || target.unitTypes.contains(unit.type) else { return false }
            return indicators.contains { $0.counts(type: unit.type) }
        }.map { ($0.offset, $0.element) }
    }

    private func measure(_ target: Target, _ table: ValueTable, _ period: Period,
                         units: [Int]) -> (Double?, Int64?, Int64?) {
        switch target.kind {
        case let .ratio(numeratorID, denominatorID):
            guard let n = table.indicatorIndex[numeratorID], let d = table.indicatorIndex[denominatorID] else {
                return (nil, nil, nil)
            }
            let numerator = sum(table, n, period, units: units, cumulative: true)
            let denominator = sum(table, d, period, units: units, cumulative: true)
            guard let numerator, let denominator, denominator > 0 else { return (nil, numerator, denominator) }
            return (exactRatio(numerator, denominator), numerator, denominator)
        case let .count(ids):
            var total: Int64?
            for id in ids {
                guard let i = table.indicatorIndex[id] else { continue }
                if let part = sum(table, i, period, units: units, cumulative: true) { total = (total ?? 0) + part }
            }
            return (total.map(Double.init), total, nil)
        case let .coverage(id, _):
            guard let i = table.indicatorIndex[id], !units.isEmpty else { return (nil, nil, nil) }
            let covered = units.filter { (table.figure($0, i, period)?.value ?? 0) > 0 }.count
            let anyReported = units.contains { table.figure($0, i, period) != nil }
            guard anyReported else { return (nil, nil, Int64(units.count)) }
            return (exactRatio(Int64(covered), Int64(units.count)), Int64(covered), Int64(units.count))
        }
    }

    /// Σ over units whose type counts for the indicator; nil when none reported.
    private func sum(_ table: ValueTable, _ i: Int, _ period: Period, units: [Int], cumulative: Bool) -> Int64? {
        let indicator = plan.indicators[i]
        var total: Int64?
        for u in units where indicator.counts(type: plan.units[u].type) {
            let value = cumulative ? table.cumulative(u, i, period) : table.figure(u, i, period)?.value
            if let value { total = (total ?? 0) + value }
        }
        return total
    }

    private func evaluate(_ target: Target, scope: String, actual: Double?, numerator: Int64?, denominator: Int64?,
                          goal: Double, goalHigh: Double?, windowEnd: Day, period: Period) -> TargetResult {
        let expected = expectedValue(target, goal: goal, at: windowEnd)
        // The report of the period holding the deadline (by the calendar) and every later one
        // gives the final verdict: achieved or not achieved, no "on track" any more.
        let isFinal = Self.calendarEnd(of: period) >= target.deadline
        let status: TargetStatus
        if let actual {
            if actual >= goal { status = .achieved }
            else if isFinal { status = .notAchieved }
            else { status = actual >= expected ? .onTrack : .behind }
        } else {
            status = .noData
        }
        let projection = actual.map { projectionFor(target, goal: goal, actual: $0, at: windowEnd, period: period) }
        return TargetResult(target: target, scope: scope, actual: actual, numerator: numerator, denominator: denominator,
                            goal: goal, goalHigh: goalHigh, expected: expected, status: status, projection: projection)
    }

    /// `baseline + (goal − baseline) × min(1, days(start → window end) ÷ days(start → deadline))`,
    /// 4 places for fractions, rounded half up to a whole number for counts.
    func expectedValue(_ target: Target, goal: Double, at windowEnd: Day) -> Double {
        let from = pathStart(of: target)
        let span = Double(max(1, from.days(to: target.deadline)))
        let elapsed = Double(max(0, from.days(to: windowEnd)))
        let raw = target.baseline + (goal - target.baseline) * min(1, elapsed / span)
        return target.kind.isFraction ? rounded4(raw) : (raw + 0.5).rounded(.down)
    }

    /// The last calendar day of a period (31/3 for Quý I, 31/12 for a year).
    static func calendarEnd(of period: Period) -> Day {
        ReportingRule(window: .calendar).window(for: period).upperBound
    }

    /// Calendar quarters after `period`'s last quarter up to the quarter holding `deadline`.
    static func quartersBetween(_ period: Period, and deadline: Day) -> Int {
        let last = period.quarters.last!
        let from = last.year * 4 + (last.quarter ?? 4)
        let to = deadline.year * 4 + (deadline.month - 1) / 3 + 1
        return max(0, to - from)
    }

    private func projectionFor(_ target: Target, goal: Double, actual: Double, at windowEnd: Day,
                               period: Period) -> Projection {
        let elapsedDays = Double(max(1, plan.start.days(to: windowEnd)))
        let quarterDays = 365.25 / 4
        let pace = (actual - target.baseline) / elapsedDays * quarterDays
        let quartersLeft = Self.quartersBetween(period, and: target.deadline)
        let atDeadline = target.baseline + (actual - target.baseline) / elapsedDays
            * Double(max(1, plan.start.days(to: target.deadline)))
        let needed: Double? = actual >= goal || quartersLeft == 0 ? nil : (goal - actual) / Double(quartersLeft)
        let isFraction = target.kind.isFraction
        func round(_ value: Double) -> Double {
            isFraction ? rounded4(value) : (value * 10).rounded() / 10
        }
        return Projection(atDeadline: round(isFraction ? min(1, atDeadline) : atDeadline),
                          exceedsWhole: isFraction && atDeadline > 1, quartersLeft: quartersLeft,
                          neededPerQuarter: needed.map { round($0) }, pacePerQuarter: round(pace))
    }
}

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
