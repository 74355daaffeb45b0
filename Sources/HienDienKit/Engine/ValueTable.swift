/// Every current value up to a period, indexed by unit and indicator, with the plan's rules
/// for adding up over time: `sum` indicators add their periods up, `last` indicators take the
/// most recent value at or before the period's end.
public struct ValueTable: Sendable {
    /// One reported figure, and where it came from when it was carried forward.
    public struct Figure: Hashable, Sendable {
        public var value: Int64
        /// The earlier period a `last` value was carried from; nil when reported in the period itself.
        public var carriedFrom: Period?
        public var isCarried: Bool { carriedFrom != nil }
    }

    public let plan: Plan
    let unitIndex: [String: Int]
    let indicatorIndex: [String: Int]
    /// series[unit][indicator]: (period, value) sorted by period.
    private var series: [[[(period: Period, value: Int64)]]]

    public init(plan: Plan, values: [StoredValue]) {
        self.plan = plan
        unitIndex = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorIndex = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        series = Array(repeating: Array(repeating: [], count: plan.indicators.count), count: plan.units.count)
        for value in values {
            guard let u = unitIndex[value.unit], let i = indicatorIndex[value.indicator] else { continue }
            series[u][i].append((value.period, value.value))
        }
        for u in series.indices {
            for i in series[u].indices where series[u][i].count > 1 {
                series[u][i].sort { $0.period < $1.period }
            }
        }
    }

    /// Whether a unit reported anything for an indicator up to and including `period`.
    func hasAny(unit u: Int, indicator i: Int, through period: Period) -> Bool {
        series[u][i].contains { $0.period <= period }
    }

    /// The value of a unit for an indicator in a period:
    /// - `sum`: the quarter's value; for a year, the sum of its quarters if any was reported,
    ///   else the annual report's value;
    /// - `last`: the most recent value at or before the period's end, carried when it comes
    ///   from before the period (only while the unit still exists).
    /// Nil means "not reported" — never 0.
    public func figure(unit: String, indicator: String, period: Period) -> Figure? {
        guard let u = unitIndex[unit], let i = indicatorIndex[indicator] else { return nil }
        return figure(u, i, period)
    }

    func figure(_ u: Int, _ i: Int, _ period: Period) -> Figure? {
        let entries = series[u][i]
        if entries.isEmpty { return nil }
        switch plan.indicators[i].overTime {
        case .sum:
            if period.isYear { return yearFlow(entries, year: period.year).map { Figure(value: $0, carriedFrom: nil) } }
            return entries.first { $0.period == period }.map { Figure(value: $0.value, carriedFrom: nil) }
        case .last:
            guard let latest = entries.last(where: { $0.period <= period }) else { return nil }
            let firstOfPeriod = period.quarters[0]
            let inPeriod = latest.period >= firstOfPeriod
            if !inPeriod {
                // A unit that no longer exists carries nothing: its successor reports the stock.
                let window = plan.reporting.window(for: period)
                if !plan.units[u].exists(during: window) { return nil }
            }
            return Figure(value: latest.value, carriedFrom: inPeriod ? nil : latest.period)
        }
    }

    /// The cumulative figure from the plan's start to the end of `period`: the sum of every
    /// period for `sum` indicators (a year counts its quarters, or its annual report when no
    /// quarter was reported), the `figure` itself for `last` ones. Nil when nothing was reported.
    public func cumulative(unit: String, indicator: String, period: Period) -> Int64? {
        guard let u = unitIndex[unit], let i = indicatorIndex[indicator] else { return nil }
        return cumulative(u, i, period)
    }

    func cumulative(_ u: Int, _ i: Int, _ period: Period) -> Int64? {
        guard plan.indicators[i].overTime == .sum else { return figure(u, i, period)?.value }
        let entries = series[u][i]
        guard entries.contains(where: { $0.period <= period }) else { return nil }
        var total: Int64 = 0
        var years = Set(entries.map(\.period.year)).sorted()
        years.removeAll { $0 > period.year }
        for year in years {
            if year < period.year || period.isYear {
                total += yearFlow(entries, year: year) ?? 0
            } else {
                for entry in entries where entry.period.year == year && !entry.period.isYear && entry.period <= period {
                    total += entry.value
                }
            }
        }
        return total
    }

    /// A year's flow: its quarters' sum when any quarter was reported, else its annual value.
    private func yearFlow(_ entries: [(period: Period, value: Int64)], year: Int) -> Int64? {
        var sum: Int64 = 0
        var quarters = 0
        var annual: Int64?
        for entry in entries where entry.period.year == year {
            if entry.period.isYear { annual = entry.value } else {
                sum += entry.value
                quarters += 1
            }
        }
        return quarters > 0 ? sum : annual
    }

    /// The reported values of a unit for an indicator, oldest first (for data checks).
    func entries(_ u: Int, _ i: Int) -> [(period: Period, value: Int64)] { series[u][i] }
}
