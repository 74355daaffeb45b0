/// Every current value up to a period, indexed by unit and indicator, with the plan's rules
/// for adding up over time: `sum` indicators add their periods up, `last` indicators take the
/// most recent value at or before the period's end.
///
/// Built one unit's report at a time (`init(plan:store:through:receivedBy:)`) into flat arrays —
/// a period key, a value and (flows) a running total per figure — so that a national store's
/// 850,000 current values take about 20 MB, not one object per value.
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
    private let indicatorCount: Int
    /// The figures of cell `u × indicatorCount + i` are `keys/values[cellStart[c] ..< cellStart[c] + cellCount[c]]`,
    /// sorted by period key.
    private var cellStart: [Int32]
    private var cellCount: [Int32]
    private var keys: [Int32] = []
    private var values: [Int64] = []
    /// For `sum` indicators, beside each figure of the cell from `runningStart[c]` on: the running
    /// total of the flows that count over time up to it — every quarter, and a year's annual value
    /// only when no quarter of that year was reported (it adds 0 otherwise) — so that a cumulative
    /// figure is one binary search.
    private var runningStart: [Int32]
    private var running: [Int64] = []
    /// Set by `only(year:)`: figures and flows of other years are left out.
    private var year: Int?

    /// A table of values already read (tests, and callers that hold the values anyway).
    public init(plan: Plan, values: [StoredValue]) {
        self.init(plan: plan)
        var byUnit: [Int: [(period: Period, indicator: Int, value: Int64)]] = [:]
        for value in values {
            guard let u = unitIndex[value.unit], let i = indicatorIndex[value.indicator] else { continue }
            byUnit[u, default: []].append((value.period, i, value.value))
        }
        for (u, entries) in byUnit.sorted(by: { $0.key < $1.key }) { add(unit: u, entries) }
        trim()
    }

    /// The current values up to and including `period` as `store` holds them (received by
    /// `receivedBy`), read one unit's report at a time.
    public init(plan: Plan, store: Store, through period: Period, receivedBy: Day?) throws {
        self.init(plan: plan)
        var pending: [(period: Period, indicator: Int, value: Int64)] = []
        var pendingUnit: Int?
        try store.forEachCurrentReport(through: period, receivedBy: receivedBy) { unit, period, reported in
            guard let u = unitIndex[unit] else { return }
            if u != pendingUnit {
                if let pendingUnit { add(unit: pendingUnit, pending) }
                pending.removeAll(keepingCapacity: true)
                pendingUnit = u
            }
            for (indicator, value) in reported {
                if let i = indicatorIndex[indicator] { pending.append((period, i, value)) }
            }
        }
        if let pendingUnit { add(unit: pendingUnit, pending) }
        trim()
    }

    private init(plan: Plan) {
        self.plan = plan
        unitIndex = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorIndex = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorCount = plan.indicators.count
        let cells = plan.units.count * plan.indicators.count
        cellStart = Array(repeating: 0, count: cells)
        cellCount = Array(repeating: 0, count: cells)
        runningStart = cellStart
    }

    /// Gives the flat arrays their exact size once every unit is in (growing doubled them).
    private mutating func trim() {
        keys = keys.withUnsafeBufferPointer { Array($0) }
        values = values.withUnsafeBufferPointer { Array($0) }
        running = running.withUnsafeBufferPointer { Array($0) }
    }

    /// Lays out all of one unit's figures (any order; a period appears once per indicator).
    private mutating func add(unit u: Int, _ entries: [(period: Period, indicator: Int, value: Int64)]) {
        let sorted = entries.sorted { ($0.indicator, $0.period.key) < ($1.indicator, $1.period.key) }
        var index = 0
        while index < sorted.count {
            let i = sorted[index].indicator
            var end = index
            while end < sorted.count && sorted[end].indicator == i { end += 1 }
            let c = u * indicatorCount + i
            cellStart[c] = Int32(keys.count)
            cellCount[c] = Int32(end - index)
            for entry in sorted[index..<end] {
                keys.append(Int32(entry.period.key))
                values.append(entry.value)
            }
            if plan.indicators[i].overTime == .sum {
                let yearsWithQuarters = Set(sorted[index..<end].filter { !$0.period.isYear }.map(\.period.year))
                runningStart[c] = Int32(running.count)
                var total: Int64 = 0
                for entry in sorted[index..<end] {
                    if !(entry.period.isYear && yearsWithQuarters.contains(entry.period.year)) { total += entry.value }
                    running.append(total)
                }
            }
            index = end
        }
    }

    // MARK: - Cells

    /// The index range of a cell's figures, within `year` when the table is limited to one.
    private func range(_ u: Int, _ i: Int) -> Range<Int> {
        let c = u * indicatorCount + i
        let start = Int(cellStart[c]), all = start..<(start + Int(cellCount[c]))
        guard let year, !all.isEmpty else { return all }
        let low = firstIndex(in: keys, all, after: (year - 1) * 10 + 5)
        let high = firstIndex(in: keys, all, after: year * 10 + 5)
        return low..<high
    }

    /// The first index in `range` whose key is above `key` (keys sorted).
    private func firstIndex(in keys: [Int32], _ range: Range<Int>, after key: Int) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if Int(keys[mid]) <= key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The running flow total up to and including period key `key` (0 when none), counted
    /// from 1 January of `year` when the table is limited to one.
    private func flowTotal(_ u: Int, _ i: Int, upTo key: Int) -> Int64 {
        let c = u * indicatorCount + i
        let start = Int(cellStart[c]), all = start..<(start + Int(cellCount[c]))
        let offset = Int(runningStart[c]) - start
        func total(_ key: Int) -> Int64 {
            let index = firstIndex(in: keys, all, after: key)
            return index == all.lowerBound ? 0 : running[index - 1 + offset]
        }
        guard let year else { return total(key) }
        let before = (year - 1) * 10 + 5   // Period.key is year × 10 + quarter (5 for the year)
        return key <= before ? 0 : total(min(key, year * 10 + 5)) - total(before)
    }

    // MARK: - Figures

    /// Whether a unit reported anything for an indicator up to and including `period`.
    func hasAny(unit u: Int, indicator i: Int, through period: Period) -> Bool {
        let cell = range(u, i)
        return !cell.isEmpty && Int(keys[cell.lowerBound]) <= period.key
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
        let cell = range(u, i)
        if cell.isEmpty { return nil }
        switch plan.indicators[i].overTime {
        case .sum:
            if period.isYear {
                let yearStart = (period.year - 1) * 10 + 5, yearEnd = period.year * 10 + 5
                guard firstIndex(in: keys, cell, after: yearStart) < firstIndex(in: keys, cell, after: yearEnd) else { return nil }
                let value = flowTotal(u, i, upTo: period.key) - flowTotal(u, i, upTo: Period.year(period.year - 1).key)
                return Figure(value: value, carriedFrom: nil)
            }
            let index = firstIndex(in: keys, cell, after: period.key - 1)
            guard index < cell.upperBound, Int(keys[index]) == period.key else { return nil }
            return Figure(value: values[index], carriedFrom: nil)
        case .last:
            let index = firstIndex(in: keys, cell, after: period.key)
            guard index > cell.lowerBound, let latest = Period(key: Int(keys[index - 1])) else { return nil }
            let inPeriod = latest >= period.quarters[0]
            if !inPeriod {
                // A unit that no longer exists carries nothing: its successor reports the stock.
                let window = plan.reporting.window(for: period)
                if !plan.units[u].exists(during: window) { return nil }
            }
            return Figure(value: values[index - 1], carriedFrom: inPeriod ? nil : latest)
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
        // A year's annual value left out of the flows always has a quarter before it that counts,
        // so any figure up to the period means a flow up to it.
        guard hasAny(unit: u, indicator: i, through: period) else { return nil }
        return flowTotal(u, i, upTo: period.key)
    }

    /// The same table with the values of `year` only: what a yearly target counts — flows from
    /// 1 January, and no stock carried over from an earlier year ("lũy kế từ đầu năm").
    /// A view: nothing is copied.
    func only(year: Int) -> ValueTable {
        var view = self
        view.year = year
        return view
    }

    /// The reported values of a unit for an indicator, oldest first (for data checks).
    func entries(_ u: Int, _ i: Int) -> [(period: Period, value: Int64)] {
        range(u, i).compactMap { index in Period(key: Int(keys[index])).map { ($0, values[index]) } }
    }
}
