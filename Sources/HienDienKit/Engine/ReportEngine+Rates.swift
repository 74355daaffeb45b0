/// Rates for the DTI/EBI comparisons: an indicator per 1.000 people, per enterprise, … for every
/// unit with the reference figure, and `TOTAL` as the ratio of the sums over those units.
extension ReportEngine {
    func rateRows(_ table: ValueTable, _ period: Period) -> [RateRow] {
        let window = plan.reporting.window(for: period)
        var rows: [RateRow] = []
        for (i, indicator) in plan.indicators.enumerated() where !indicator.rates.isEmpty {
            for rate in indicator.rates {
                var totalValue: Int64 = 0, totalReference: Int64 = 0
                var latest: Day?
                var unitRows: [RateRow] = []
                for (u, unit) in plan.units.enumerated() where counts[i][u] && unit.exists(during: window) {
                    guard let figure = unit.reference(rate.reference), let value = table.cumulative(u, i, period) else { continue }
                    unitRows.append(RateRow(scope: .unit(unit.id), indicator: indicator.id, rate: rate, value: value,
                                            reference: figure.value, referenceDate: figure.date,
                                            result: rateValue(value, figure.value, rate)))
                    totalValue += value
                    totalReference += figure.value
                    latest = max(latest ?? figure.date, figure.date)
                }
                guard let latest, totalReference > 0 else { continue }
                rows += unitRows.sorted { ($0.scope.unitID ?? "") < ($1.scope.unitID ?? "") }
                rows.append(RateRow(scope: .total, indicator: indicator.id, rate: rate, value: totalValue,
                                    reference: totalReference, referenceDate: latest,
                                    result: rateValue(totalValue, totalReference, rate)))
            }
        }
        return rows
    }

    /// value × scale ÷ reference, rounded half up to 4 places in integer arithmetic.
    func rateValue(_ value: Int64, _ reference: Int64, _ rate: Rate) -> Double {
        let scale = Int64(rate.scale)
        let (scaled, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? rounded4(Double(value) * rate.scale / Double(reference)) : exactRatio(scaled, reference)
    }
}
