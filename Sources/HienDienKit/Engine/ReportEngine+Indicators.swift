/// Indicator figures: each unit's value and cumulative value for a period, the `TOTAL` over the
/// units whose type the indicator counts (its `sources`), the subtotals of parent units and the
/// totals per unit type.
extension ReportEngine {
    // MARK: - Units and TOTAL

    /// Only the `TOTAL` row of each indicator (what trends and comparisons need), in the same
    /// order as `indicatorRows`.
    func totalRows(_ table: ValueTable, _ period: Period) -> [IndicatorRow] {
        plan.indicators.indices.map { i in
            var total: Int64 = 0, cumulativeTotal: Int64 = 0
            var anyValue = false, anyCumulative = false, carried = false
            for u in plan.units.indices where counts[i][u] {
                if let figure = table.figure(u, i, period) {
                    total += figure.value
                    anyValue = true
                    carried = carried || figure.isCarried
                }
                if let cumulative = table.cumulative(u, i, period) {
                    cumulativeTotal += cumulative
                    anyCumulative = true
                }
            }
            return IndicatorRow(scope: .total, indicator: plan.indicators[i].id, value: anyValue ? total : nil,
                                cumulative: anyCumulative ? cumulativeTotal : nil, carried: carried, counted: true)
        }.sorted { $0.indicator < $1.indicator }
    }

    /// Every unit's row for each indicator (a unit with a figure, or a cumulative one for a `sum`
    /// indicator while the unit exists), then the indicator's `TOTAL`; a unit outside the
    /// indicator's `sources` is shown but not added.
    func indicatorRows(_ table: ValueTable, _ period: Period) -> [IndicatorRow] {
        // Sorted by indicator, then unit, TOTAL last — built in that order, no sort of the rows.
        let window = plan.reporting.window(for: period)
        let unitOrder = plan.units.indices.sorted { plan.units[$0].id < plan.units[$1].id }
        let existed = plan.units.map { $0.exists(during: window) }
        var rows: [IndicatorRow] = []
        // At most a row per unit and indicator and a TOTAL each: reserved, not doubled while growing.
        rows.reserveCapacity((plan.units.count + 1) * plan.indicators.count)
        for i in plan.indicators.indices.sorted(by: { plan.indicators[$0].id < plan.indicators[$1].id }) {
            let indicator = plan.indicators[i]
            var total: Int64 = 0, cumulativeTotal: Int64 = 0
            var anyValue = false, anyCumulative = false, carried = false
            for u in unitOrder {
                let figure = table.figure(u, i, period)
                let cumulative = table.cumulative(u, i, period)
                let counted = counts[i][u]
                if figure != nil || (cumulative != nil && indicator.overTime == .sum && existed[u]) {
                    rows.append(IndicatorRow(scope: .unit(plan.units[u].id), indicator: indicator.id, value: figure?.value,
                                             cumulative: cumulative, carried: figure?.isCarried ?? false,
                                             counted: counted))
                }
                guard counted else { continue }
                if let figure {
                    total += figure.value
                    anyValue = true
                    carried = carried || figure.isCarried
                }
                if let cumulative {
                    cumulativeTotal += cumulative
                    anyCumulative = true
                }
            }
            rows.append(IndicatorRow(scope: .total, indicator: indicator.id, value: anyValue ? total : nil,
                                     cumulative: anyCumulative ? cumulativeTotal : nil, carried: carried, counted: true))
        }
        return rows
    }

    // MARK: - Subtotals

    /// Members of each parent's subtotal: the parent, its descendants, and units merged into any of them.
    func subtotalMembers() -> [(parent: String, members: [String])] {
        var children: [String: [String]] = [:]
        for unit in plan.units {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
            if let successor = unit.mergedInto { children[successor, default: []].append(unit.id) }
        }
        return plan.units.compactMap { unit in
            guard children[unit.id] != nil else { return nil }
            var members: [String] = [unit.id]
            var seen: Set<String> = [unit.id]
            var queue = children[unit.id] ?? []
            while !queue.isEmpty {
                let next = queue.removeFirst()
                guard seen.insert(next).inserted else { continue }
                members.append(next)
                queue += children[next] ?? []
            }
            return (unit.id, members)
        }
    }

    /// Each parent's subtotal per indicator, over the members whose type the indicator counts.
    func subtotals(_ table: ValueTable, _ period: Period) -> [SubtotalRow] {
        var rows: [SubtotalRow] = []
        for (parent, members) in subtotalMembers() {
            for (i, indicator) in plan.indicators.enumerated() {
                var value: Int64?, cumulative: Int64?
                for member in members {
                    guard let u = table.unitIndex[member], indicator.counts(type: plan.units[u].type) else { continue }
                    if let figure = table.figure(u, i, period) { value = (value ?? 0) + figure.value }
                    if let c = table.cumulative(u, i, period) { cumulative = (cumulative ?? 0) + c }
                }
                if value != nil || cumulative != nil {
                    rows.append(SubtotalRow(unit: parent, indicator: indicator.id, value: value, cumulative: cumulative,
                                            members: members))
                }
            }
        }
        return rows
    }

    // MARK: - Type totals

    /// Each indicator's total over the units of each type (in the plan's order of types), with
    /// how many of them have a figure and whether the type counts in the indicator's `TOTAL`.
    func typeTotals(_ table: ValueTable, _ period: Period) -> [TypeTotalRow] {
        let types = plan.unitTypes
        var rows: [TypeTotalRow] = []
        for (i, indicator) in plan.indicators.enumerated() {
            for type in types {
                var value: Int64?, cumulative: Int64?, reporting = 0
                for (u, unit) in plan.units.enumerated() where unit.type == type {
                    if let figure = table.figure(u, i, period) {
                        value = (value ?? 0) + figure.value
                        reporting += 1
                    }
                    if let c = table.cumulative(u, i, period) { cumulative = (cumulative ?? 0) + c }
                }
                if value != nil || cumulative != nil {
                    rows.append(TypeTotalRow(type: type, indicator: indicator.id, value: value, cumulative: cumulative,
                                             reportingUnits: reporting, counted: indicator.counts(type: type)))
                }
            }
        }
        return rows
    }
}
