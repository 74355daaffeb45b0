/// Data checks: figures that look wrong — a stock that fell, a tenfold jump from one quarter to
/// the next, quarters that do not add up to the year's own figure, a numerator above its
/// denominator — listed for a person to check in `data-check.md`, never silently fixed.
extension ReportEngine {
    /// Unit `u`'s warnings for `period`'s figures (the unit loaded in `values`); the pass sorts
    /// them all by unit, indicator, period and kind.
    func dataWarnings(unit u: Int, _ table: UnitValues, _ period: Period) -> [DataWarning] {
        var warnings: [DataWarning] = []
        let quarters = period.quarters + [period]
        let unit = plan.units[u]
        for (i, indicator) in plan.indicators.enumerated() {
            let entries = table.entries(u, i)
            guard !entries.isEmpty else { continue }
            for (index, entry) in entries.enumerated() where quarters.contains(entry.period) && !entry.period.isYear {
                guard let previous = entries[..<index].last(where: { !$0.period.isYear }) else { continue }
                // The last report of a unit that ended hands its figures over to its
                // successor: a zero there is no fall to check.
                let handover = entry.value == 0 && unit.until.map { $0 <= Self.calendarEnd(of: entry.period) } == true
                if indicator.overTime == .last && entry.value < previous.value && !handover {
                    warnings.append(DataWarning(kind: .stockFell, unit: unit.id, indicator: indicator.id,
                                                period: entry.period, value: entry.value, reference: previous.value,
                                                referencePeriod: previous.period))
                }
                if previous.period == entry.period.previous && previous.value > 0 && entry.value >= previous.value * 10 {
                    warnings.append(DataWarning(kind: .jump, unit: unit.id, indicator: indicator.id,
                                                period: entry.period, value: entry.value, reference: previous.value,
                                                referencePeriod: previous.period))
                }
            }
            if indicator.overTime == .sum, period.isYear || period.quarter == 4,
               let annual = entries.first(where: { $0.period == .year(period.year) }) {
                let quarterly = entries.filter { $0.period.year == period.year && !$0.period.isYear }
                let sum = quarterly.reduce(0) { $0 + $1.value }
                if !quarterly.isEmpty && sum != annual.value {
                    warnings.append(DataWarning(kind: .annualMismatch, unit: unit.id, indicator: indicator.id,
                                                period: .year(period.year), value: annual.value, reference: sum,
                                                referencePeriod: nil))
                }
            }
        }
        for target in plan.targets {
            guard case let .ratio(numeratorID, denominatorID) = target.kind,
                  let n = indicatorIndex[numeratorID], let d = indicatorIndex[denominatorID],
                  let numerator = table.cumulative(u, n, period), let denominator = table.cumulative(u, d, period),
                  numerator > denominator else { continue }
            let warning = DataWarning(kind: .numeratorAboveDenominator, unit: unit.id, indicator: numeratorID,
                                      period: period, value: numerator, reference: denominator, referencePeriod: nil)
            if !warnings.contains(warning) { warnings.append(warning) }
        }
        return warnings
    }
}
