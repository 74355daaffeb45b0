/// Targets: each target of the plan measured for the province (`TOTAL`) and, for a per-unit
/// target, for every unit that reported its inputs (summed a unit at a time by `TargetPass`);
/// the expected value on the straight path from the baseline to the goal, the status and the final verdict at the deadline, and where the
/// pace so far leads (README.md, "What the figures mean").
extension ReportEngine {
    // MARK: - Scope and measure

    /// The units (indices into the plan's units) a target is measured over: those that exist in the period and whose type
    /// counts for the target's (first) indicator; coverage: the units of its type.
    func unitsInScope(of target: Target, _ period: Period) -> [Int] {
        let window = plan.reporting.window(for: period)
        let indicators = target.kind.indicators.compactMap { plan.indicator($0) }
        return plan.units.indices.filter { index in
            let unit = plan.units[index]
            if case let .coverage(_, type) = target.kind {
                return unit.type == type && unit.reports && unit.exists(during: window)
            }
            // A unit is in scope when any of the target's indicators counts its type (and the
            // quota's `unit_types` list it); each sum then applies its own indicator's `sources`.
            guard target.unitTypes.isEmpty || target.unitTypes.contains(unit.type) else { return false }
            return indicators.contains { $0.counts(type: unit.type) }
        }
    }

    /// The actual figure over `units` (ratio, coverage: a fraction to 4 places; count: the
    /// cumulative count) with its numerator and denominator; a nil actual when nothing was reported.
    func measure(_ target: Target, _ table: UnitValues, _ period: Period,
                         units: [Int]) -> (Double?, Int64?, Int64?) {
        switch target.kind {
        case let .ratio(numeratorID, denominatorID):
            guard let n = indicatorIndex[numeratorID], let d = indicatorIndex[denominatorID] else {
                return (nil, nil, nil)
            }
            let numerator = sum(table, n, period, units: units, cumulative: true)
            let denominator = sum(table, d, period, units: units, cumulative: true)
            guard let numerator, let denominator, denominator > 0 else { return (nil, numerator, denominator) }
            return (exactRatio(numerator, denominator), numerator, denominator)
        case let .count(ids):
            var total: Int64?
            for id in ids {
                guard let i = indicatorIndex[id] else { continue }
                if let part = sum(table, i, period, units: units, cumulative: true) { total = (total ?? 0) + part }
            }
            return (total.map(Double.init), total, nil)
        case let .coverage(id, _):
            guard let i = indicatorIndex[id], !units.isEmpty else { return (nil, nil, nil) }
            let covered = units.filter { (table.figure($0, i, period)?.value ?? 0) > 0 }.count
            let anyReported = units.contains { table.figure($0, i, period) != nil }
            guard anyReported else { return (nil, nil, Int64(units.count)) }
            return (exactRatio(Int64(covered), Int64(units.count)), Int64(covered), Int64(units.count))
        }
    }

    /// Σ over units whose type counts for the indicator; nil when none reported.
    private func sum(_ table: UnitValues, _ i: Int, _ period: Period, units: [Int], cumulative: Bool) -> Int64? {
        let indicator = plan.indicators[i]
        var total: Int64?
        for u in units where indicator.counts(type: plan.units[u].type) {
            let value = cumulative ? table.cumulative(u, i, period) : table.figure(u, i, period)?.value
            if let value { total = (total ?? 0) + value }
        }
        return total
    }

    // MARK: - Status and verdict

    /// A result's status: achieved at the goal, else on track or behind against the expected
    /// value, or not achieved from the deadline's period on; no data without an actual figure.
    /// `box`: the target's box, shared with its other results (`target` is the box's target).
    func evaluate(_ target: Target, box: TargetBox? = nil, scope: Scope, actual: Double?, numerator: Int64?,
                  denominator: Int64?, goal: Double, goalHigh: Double?, windowEnd: Day, period: Period) -> TargetResult {
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
        return TargetResult(box: box ?? TargetBox(target), scope: scope, actual: actual, numerator: numerator,
                            denominator: denominator, goal: goal, goalHigh: goalHigh, expected: expected, status: status,
                            projection: projection)
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

    // MARK: - Projection

    /// Calendar quarters after `period`'s last quarter up to the quarter holding `deadline`.
    static func quartersBetween(_ period: Period, and deadline: Day) -> Int {
        let last = period.quarters.last!
        let from = last.year * 4 + (last.quarter ?? 4)
        let to = deadline.year * 4 + (deadline.month - 1) / 3 + 1
        return max(0, to - from)
    }

    /// The straight line from the plan's start through `actual` at the window's end: the figure
    /// at the deadline, the pace per quarter so far and the increase per quarter still needed.
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
