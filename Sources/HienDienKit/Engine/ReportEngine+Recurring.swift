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

    /// The target in force in `period`, and the year its figures are limited to: a yearly
    /// target's goal of the year, figures from 1 January, deadline 31 December. A baseline taken
    /// from the first report needs every unit's figures: `TargetPass` sets it once all are in.
    func inForce(_ target: Target, _ period: Period) -> (target: Target, year: Int?) {
        var target = target
        guard target.recursYearly else { return (target, nil) }
        let year = period.year
        target.goal = target.goals[year] ?? target.goal
        target.deadline = min(Day.endOf(month: 12, year: year), plan.end)
        target.periodStart = max(Day(year: year, month: 1, day: 1)!, plan.start)
        return (target, year)
    }

    /// A share target's numerator and denominator over `units` in every quarter up to
    /// `period` (nil where none reported) — what the first report is looked for in.
    func firstReportSums(_ target: Target, _ values: UnitValues, upTo period: Period,
                         units: [Int]) -> [(numerator: Int64?, denominator: Int64?)] {
        guard case let .ratio(numeratorID, denominatorID) = target.kind,
              let n = indicatorIndex[numeratorID], let d = indicatorIndex[denominatorID] else { return [] }
        let last = period.quarters.last ?? period
        return plan.quarters.filter { $0 <= last }.map { quarter in
            var numerator: Int64?, denominator: Int64?
            for u in units {
                if counts[n][u], let value = values.cumulative(u, n, quarter) { numerator = (numerator ?? 0) + value }
                if counts[d][u], let value = values.cumulative(u, d, quarter) { denominator = (denominator ?? 0) + value }
            }
            return (numerator, denominator)
        }
    }

    /// The first quarter whose sums give a share (a denominator above 0), with that share and
    /// the last day of the quarter's window.
    func firstReported(_ sums: [(numerator: Int64?, denominator: Int64?)]) -> (Double, Day)? {
        for (quarter, sum) in zip(plan.quarters, sums) {
            if let numerator = sum.numerator, let denominator = sum.denominator, denominator > 0 {
                return (exactRatio(numerator, denominator), plan.reporting.window(for: quarter).upperBound)
            }
        }
        return nil
    }
}
