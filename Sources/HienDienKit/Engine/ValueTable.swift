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
    /// For `sum` indicators: the flows that count over time — every quarter, and a year's annual
    /// value only when no quarter of that year was reported — as period keys with running totals,
    /// so a cumulative figure is one binary search.
    private var flowKeys: [[[Int]]]
    private var flowTotals: [[[Int64]]]

    public init(plan: Plan, values: [StoredValue]) {
        self.plan = plan
        unitIndex = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorIndex = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let empty = Array(repeating: [(period: Period, value: Int64)](), count: plan.indicators.count)
        series = Array(repeating: empty, count: plan.units.count)
        flowKeys = Array(repeating: Array(repeating: [], count: plan.indicators.count), count: plan.units.count)
        flowTotals = flowKeys.map { $0.map { _ in [] } }
        for value in values {
            guard let u = unitIndex[value.unit], let i = indicatorIndex[value.indicator] else { continue }
            series[u][i].append((value.period, value.value))
        }
        for u in series.indices {
            for i in series[u].indices where !series[u][i].isEmpty {
                if series[u][i].count > 1 { series[u][i].sort { $0.period < $1.period } }
                guard plan.indicators[i].overTime == .sum else { continue }
                let entries = series[u][i]
                let yearsWithQuarters = Set(entries.filter { !$0.period.isYear }.map(\.period.year))
                var keys: [Int] = [], totals: [Int64] = [], running: Int64 = 0
                for entry in entries where !(entry.period.isYear && yearsWithQuarters.contains(entry.period.year)) {
                    running += entry.value
                    keys.append(entry.period.key)
                    totals.append(running)
                }
                flowKeys[u][i] = keys
                flowTotals[u][i] = totals
            }
        }
    }

    /// The running flow total up to and including period key `key` (0 when none).
    private func flowTotal(_ u: Int, _ i: Int, upTo key: Int) -> Int64 {
        let keys = flowKeys[u][i]
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] <= key { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : flowTotals[u][i][low - 1]
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
            if period.isYear {
                guard entries.contains(where: { $0.period.year == period.year }) else { return nil }
                let value = flowTotal(u, i, upTo: period.key) - flowTotal(u, i, upTo: Period.year(period.year - 1).key)
                return Figure(value: value, carriedFrom: nil)
            }
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
        guard let first = flowKeys[u][i].first, first <= period.key else { return nil }
        return flowTotal(u, i, upTo: period.key)
    }

    /// The same table with the flows (`sum` indicators) of `year` only, stocks untouched: what a
    /// yearly target counts ("lũy kế từ đầu năm").
    func flowsOnly(of year: Int) -> ValueTable {
        var copy = self
        for u in series.indices {
            for i in series[u].indices where plan.indicators[i].overTime == .sum && !series[u][i].isEmpty {
                let keys = flowKeys[u][i], totals = flowTotals[u][i]
                var newKeys: [Int] = [], newTotals: [Int64] = []
                var before: Int64 = 0
                for (k, key) in keys.enumerated() {
                    let keyYear = key / 10   // Period.key is year × 10 + quarter (5 for the year)
                    if keyYear < year { before = totals[k]; continue }
                    if keyYear > year { break }
                    newKeys.append(key)
                    newTotals.append(totals[k] - before)
                }
                copy.series[u][i] = series[u][i].filter { $0.period.year == year }
                copy.flowKeys[u][i] = newKeys
                copy.flowTotals[u][i] = newTotals
            }
        }
        return copy
    }

    /// The reported values of a unit for an indicator, oldest first (for data checks).
    func entries(_ u: Int, _ i: Int) -> [(period: Period, value: Int64)] { series[u][i] }
}
