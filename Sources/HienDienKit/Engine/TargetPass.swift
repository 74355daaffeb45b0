/// One target's part of the walk over the units: the target as it stands in the period, the
/// units it is measured over, the sums of its inputs a unit at a time, and each per-unit
/// result's figures. `results` then gives the `TOTAL` row and the per-unit rows exactly as
/// measuring over all units at once would.
struct TargetPass {
    let period: Period
    /// The target in force (a yearly target's own year), before any first-report baseline.
    let target: Target
    /// The year its figures are limited to (a yearly target), else nil.
    let year: Int?
    /// Per unit: whether the target is measured over it.
    let inScope: [Bool]
    let scopeCount: Int
    /// The `TOTAL` goal (a per-unit quota's goal × the graded units in scope at the period's end).
    let goal: Double
    let goalHigh: Double?
    /// The target's input indicators, for "has the unit reported any of them".
    let inputs: [Int]
    /// Σ numerator and Σ denominator (ratio), Σ count (count, in `numerator`).
    var numerator: Int64?, denominator: Int64?
    /// Coverage: units with a figure above 0, and whether any unit in scope gave a figure.
    var covered: Int64 = 0, anyReported = false
    /// A first-report baseline: the sums in every quarter up to the period.
    var firstSums: [(numerator: Int64?, denominator: Int64?)] = []
    /// Per-unit results' figures, with the unit's own first-report baseline when it has one.
    var perUnit: [(unit: Int, actual: Double?, numerator: Int64?, denominator: Int64?, baseline: (Double, Day)?)] = []

    init(engine: ReportEngine, target planTarget: Target, period: Period) {
        let plan = engine.plan
        self.period = period
        (target, year) = engine.inForce(planTarget, period)
        let scope = engine.unitsInScope(of: target, period)
        var inScope = Array(repeating: false, count: plan.units.count)
        for u in scope { inScope[u] = true }
        self.inScope = inScope
        scopeCount = scope.count
        let window = plan.reporting.window(for: period)
        let perUnitCount = target.perUnit && !target.kind.isFraction
        // A quota's TOTAL goal counts the units in scope at the period's end.
        let goalUnits = Double(scope.filter { plan.units[$0].isGraded && plan.units[$0].exists(on: window.upperBound) }.count)
        goal = perUnitCount ? target.goal * goalUnits : target.goal
        goalHigh = target.goalHigh.map { perUnitCount ? $0 * goalUnits : $0 }
        inputs = target.kind.indicators.compactMap { engine.indicatorIndex[$0] }
    }

    /// Takes in unit `u`'s values (the unit loaded in `values`).
    mutating func add(_ engine: ReportEngine, unit u: Int, _ values: UnitValues) {
        guard inScope[u] else { return }
        let view = year.map { values.only(year: $0) } ?? values
        let (actual, numerator, denominator) = engine.measure(target, view, period, units: [u])
        if case .coverage = target.kind {
            if actual != nil {
                anyReported = true
                covered += numerator ?? 0
            }
        } else {
            if let numerator { self.numerator = (self.numerator ?? 0) + numerator }
            if let denominator { self.denominator = (self.denominator ?? 0) + denominator }
        }
        if target.baselineFromFirstReport {
            let sums = engine.firstReportSums(target, view, upTo: period, units: [u])
            if firstSums.isEmpty { firstSums = Array(repeating: (nil, nil), count: sums.count) }
            for (q, sum) in sums.enumerated() {
                if let n = sum.numerator { firstSums[q].numerator = (firstSums[q].numerator ?? 0) + n }
                if let d = sum.denominator { firstSums[q].denominator = (firstSums[q].denominator ?? 0) + d }
            }
        }
        guard target.perUnit else { return }
        // Per unit: the units that exist in the period and have reported any of the inputs.
        let unit = engine.plan.units[u]
        guard unit.reports, unit.exists(during: engine.plan.reporting.window(for: period)),
              inputs.contains(where: { view.hasAny(unit: u, indicator: $0, through: period) }) else { return }
        let own = target.baselineFromFirstReport
            ? engine.firstReported(engine.firstReportSums(target, view, upTo: period, units: [u])) : nil
        perUnit.append((u, actual, numerator, denominator, own))
    }

    /// The `TOTAL` result, then (per-unit targets) one per evaluated unit sorted by id.
    func results(_ engine: ReportEngine) -> [TargetResult] {
        let plan = engine.plan
        let windowEnd = plan.reporting.window(for: period).upperBound
        var target = self.target
        if target.baselineFromFirstReport, let (value, day) = engine.firstReported(firstSums) {
            target.baseline = value
            target.baselineDate = day
        }
        let actual: Double?, numerator: Int64?, denominator: Int64?
        switch target.kind {
        case .ratio:
            (numerator, denominator) = (self.numerator, self.denominator)
            if let numerator, let denominator, denominator > 0 {
                actual = exactRatio(numerator, denominator)
            } else {
                actual = nil
            }
        case .count:
            (actual, numerator, denominator) = (self.numerator.map(Double.init), self.numerator, nil)
        case .coverage:
            if scopeCount == 0 || inputs.isEmpty {
                (actual, numerator, denominator) = (nil, nil, nil)
            } else if !anyReported {
                (actual, numerator, denominator) = (nil, nil, Int64(scopeCount))
            } else {
                (actual, numerator, denominator) = (exactRatio(covered, Int64(scopeCount)), covered, Int64(scopeCount))
            }
        }
        let box = TargetBox(target)
        var results = [engine.evaluate(target, box: box, scope: .total, actual: actual, numerator: numerator, denominator: denominator,
                                       goal: goal, goalHigh: goalHigh, windowEnd: windowEnd, period: period)]
        guard target.perUnit else { return results }
        for entry in perUnit.sorted(by: { plan.units[$0.unit].id < plan.units[$1.unit].id }) {
            var own = target
            if let (value, day) = entry.baseline {
                own.baseline = value
                own.baselineDate = day
            }
            results.append(engine.evaluate(own, box: entry.baseline == nil ? box : nil, scope: .unit(plan.units[entry.unit].id), actual: entry.actual,
                                           numerator: entry.numerator, denominator: entry.denominator, goal: target.goal,
                                           goalHigh: target.goalHigh, windowEnd: windowEnd, period: period))
        }
        return results
    }
}
