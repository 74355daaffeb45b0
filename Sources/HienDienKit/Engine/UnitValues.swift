/// One unit's current values up to a period, indexed by indicator, with the plan's rules for
/// adding up over time: `sum` indicators add their periods up, `last` indicators take the most
/// recent value at or before the period's end.
///
/// The engine holds one of these at a time (`ReportPass` walks the units one by one), reloading
/// it in place for the next unit, so a national store's 1,7 M values are never all in memory:
/// a unit's few hundred figures are — a period key, a value and (flows) a running total each.
struct UnitValues: Sendable {
    /// One reported figure, and where it came from when it was carried forward.
    struct Figure: Hashable, Sendable {
        var value: Int64
        /// The earlier period a `last` value was carried from; nil when reported in the period itself.
        var carriedFrom: Period?
        var isCarried: Bool { carriedFrom != nil }
    }

    /// One reported value of the unit: its period, its indicator's position in the plan, the value.
    typealias Entry = (period: Period, indicator: Int, value: Int64)

    let plan: Plan
    /// The unit (its position in `plan.units`) whose values are loaded.
    private(set) var unit: Int = 0
    /// The figures of indicator `i` are `keys/values[cellStart[i] ..< cellStart[i] + cellCount[i]]`,
    /// sorted by period key.
    private var cellStart: [Int32]
    private var cellCount: [Int32]
    private var keys: [Int32] = []
    private var values: [Int64] = []
    /// For `sum` indicators, beside each figure of the cell from `runningStart[i]` on: the running
    /// total of the flows that count over time up to it — every quarter, and a year's annual value
    /// only when no quarter of that year was reported (it adds 0 otherwise) — so that a cumulative
    /// figure is one binary search.
    private var runningStart: [Int32]
    private var running: [Int64] = []
    /// Set by `only(year:)`: figures and flows of other years are left out.
    private var year: Int?

    init(plan: Plan) {
        self.plan = plan
        cellStart = Array(repeating: 0, count: plan.indicators.count)
        cellCount = cellStart
        runningStart = cellStart
    }

    /// Replaces the loaded values with unit `u`'s `entries` (any order, fastest in period order as
    /// the store gives them; a period appears once per indicator). The buffers are kept, so
    /// walking every unit allocates almost nothing.
    mutating func load(unit u: Int, _ entries: [Entry]) {
        unit = u
        year = nil
        let inOrder = entries.indices.dropFirst().allSatisfy { entries[$0 - 1].period.key <= entries[$0].period.key }
        let entries = inOrder ? entries : entries.sorted { $0.period.key < $1.period.key }
        // A counting sort by indicator, which keeps each indicator's figures in period order.
        for i in cellCount.indices { cellCount[i] = 0 }
        for entry in entries { cellCount[entry.indicator] += 1 }
        var next: Int32 = 0
        for i in cellCount.indices {
            cellStart[i] = next
            next += cellCount[i]
        }
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        keys.append(contentsOf: repeatElement(0, count: entries.count))
        values.append(contentsOf: repeatElement(0, count: entries.count))
        var fill = cellStart
        for entry in entries {
            let index = Int(fill[entry.indicator])
            keys[index] = Int32(entry.period.key)
            values[index] = entry.value
            fill[entry.indicator] += 1
        }
        running.removeAll(keepingCapacity: true)
        for i in cellCount.indices where cellCount[i] > 0 && plan.indicators[i].overTime == .sum {
            runningStart[i] = Int32(running.count)
            var total: Int64 = 0
            let start = Int(cellStart[i])
            for index in start..<(start + Int(cellCount[i])) {
                // A year's own figure adds nothing when a quarter of that year was reported: the
                // quarters (keys year × 10 + 1…4) sort just before the year (year × 10 + 5).
                let key = Int(keys[index])
                let yearWithQuarters = key % 10 == 5 && index > start && Int(keys[index - 1]) / 10 == key / 10
                if !yearWithQuarters { total += values[index] }
                running.append(total)
            }
        }
    }

    // MARK: - Cells

    /// The index range of indicator `i`'s figures, within `year` when limited to one; empty for
    /// any unit but the loaded one.
    private func range(_ u: Int, _ i: Int) -> Range<Int> {
        guard u == unit else { return 0..<0 }
        let start = Int(cellStart[i]), all = start..<(start + Int(cellCount[i]))
        guard let year, !all.isEmpty else { return all }
        let low = firstIndex(all, after: (year - 1) * 10 + 5)
        let high = firstIndex(all, after: year * 10 + 5)
        return low..<high
    }

    /// The first index in `range` whose key is above `key` (keys sorted).
    private func firstIndex(_ range: Range<Int>, after key: Int) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if Int(keys[mid]) <= key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The running flow total up to and including period key `key` (0 when none), counted
    /// from 1 January of `year` when limited to one.
    private func flowTotal(_ i: Int, upTo key: Int) -> Int64 {
        let start = Int(cellStart[i]), all = start..<(start + Int(cellCount[i]))
        let offset = Int(runningStart[i]) - start
        func total(_ key: Int) -> Int64 {
            let index = firstIndex(all, after: key)
            return index == all.lowerBound ? 0 : running[index - 1 + offset]
        }
        guard let year else { return total(key) }
        let before = (year - 1) * 10 + 5   // Period.key is year × 10 + quarter (5 for the year)
        return key <= before ? 0 : total(min(key, year * 10 + 5)) - total(before)
    }

    // MARK: - Figures

    /// Whether the unit reported anything for an indicator up to and including `period`.
    func hasAny(unit u: Int, indicator i: Int, through period: Period) -> Bool {
        let cell = range(u, i)
        return !cell.isEmpty && Int(keys[cell.lowerBound]) <= period.key
    }

    /// The value of unit `u` for indicator `i` in a period:
    /// - `sum`: the quarter's value; for a year, the sum of its quarters if any was reported,
    ///   else the annual report's value;
    /// - `last`: the most recent value at or before the period's end, carried when it comes
    ///   from before the period (only while the unit still exists).
    /// Nil means "not reported" — never 0.
    func figure(_ u: Int, _ i: Int, _ period: Period) -> Figure? {
        let cell = range(u, i)
        if cell.isEmpty { return nil }
        switch plan.indicators[i].overTime {
        case .sum:
            if period.isYear {
                let yearStart = (period.year - 1) * 10 + 5, yearEnd = period.year * 10 + 5
                guard firstIndex(cell, after: yearStart) < firstIndex(cell, after: yearEnd) else { return nil }
                let value = flowTotal(i, upTo: period.key) - flowTotal(i, upTo: Period.year(period.year - 1).key)
                return Figure(value: value, carriedFrom: nil)
            }
            let index = firstIndex(cell, after: period.key - 1)
            guard index < cell.upperBound, Int(keys[index]) == period.key else { return nil }
            return Figure(value: values[index], carriedFrom: nil)
        case .last:
            let index = firstIndex(cell, after: period.key)
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
    func cumulative(_ u: Int, _ i: Int, _ period: Period) -> Int64? {
        guard plan.indicators[i].overTime == .sum else { return figure(u, i, period)?.value }
        // A year's annual value left out of the flows always has a quarter before it that counts,
        // so any figure up to the period means a flow up to it.
        guard hasAny(unit: u, indicator: i, through: period) else { return nil }
        return flowTotal(i, upTo: period.key)
    }

    /// The same values limited to `year`: what a yearly target counts — flows from 1 January,
    /// and no stock carried over from an earlier year ("lũy kế từ đầu năm"). The arrays are
    /// shared, not copied.
    func only(year: Int) -> UnitValues {
        var view = self
        view.year = year
        return view
    }

    /// The reported values of unit `u` for indicator `i`, oldest first (for data checks).
    func entries(_ u: Int, _ i: Int) -> [(period: Period, value: Int64)] {
        range(u, i).compactMap { index in Period(key: Int(keys[index])).map { ($0, values[index]) } }
    }
}
