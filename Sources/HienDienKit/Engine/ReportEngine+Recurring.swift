/// Targets as they stand in a period: a yearly target becomes that year's own target (goal of
/// the year, figures from 1 January, deadline 31 December), and a share target whose baseline is
/// the first report takes that report's value.
extension ReportEngine {
    /// Where a target's expected path (and any pace or projection) starts: its baseline's day when
    /// dated (a first report), else the later of its year's 1 January (a yearly target) and the
    /// plan's issue day.
    func pathStart(of target: Target) -> Day {
        target.baselineDate ?? max(target.periodStart ?? plan.start, plan.pathStart)
    }

    /// The target in force in `period` and the table to measure it on.
    func inForce(_ target: Target, _ table: ValueTable, _ period: Period) -> (Target, ValueTable) {
        var target = target
        var table = table
        if target.recursYearly {
            let year = period.year
            target.goal = target.goals[year] ?? target.goal
            target.deadline = min(Day.endOf(month: 12, year: year), plan.end)
            target.periodStart = max(Day(year: year, month: 1, day: 1)!, plan.start)
            table = table.only(year: year)
        }
        if target.baselineFromFirstReport, let (value, day) = firstReported(target, table, upTo: period) {
            target.baseline = value
            target.baselineDate = day
        }
        return (target, table)
    }

    /// The first quarter, up to `period`, in which a share target has a value (TOTAL over the
    /// units in scope, or over `only`), with the last day of that quarter's window.
    func firstReported(_ target: Target, _ table: ValueTable, upTo period: Period, units only: [Int]? = nil) -> (Double, Day)? {
        guard case let .ratio(numeratorID, denominatorID) = target.kind,
              let n = table.indicatorIndex[numeratorID], let d = table.indicatorIndex[denominatorID] else { return nil }
        let last = period.quarters.last ?? period
        for quarter in plan.quarters where quarter <= last {
            let units = only ?? unitsInScope(of: target, quarter)
            var numerator: Int64?, denominator: Int64?
            for u in units {
                if plan.indicators[n].counts(type: plan.units[u].type), let value = table.cumulative(u, n, quarter) {
                    numerator = (numerator ?? 0) + value
                }
                if plan.indicators[d].counts(type: plan.units[u].type), let value = table.cumulative(u, d, quarter) {
                    denominator = (denominator ?? 0) + value
                }
            }
            if let numerator, let denominator, denominator > 0 {
                return (exactRatio(numerator, denominator), plan.reporting.window(for: quarter).upperBound)
            }
        }
        return nil
    }

    /// A unit's own first-report baseline (a per-unit result starts from the unit's first report).
    func forUnit(_ target: Target, _ table: ValueTable, _ period: Period, unit: Int) -> Target {
        guard target.baselineFromFirstReport, let (value, day) = firstReported(target, table, upTo: period, units: [unit])
        else { return target }
        var target = target
        target.baseline = value
        target.baselineDate = day
        return target
    }
}
