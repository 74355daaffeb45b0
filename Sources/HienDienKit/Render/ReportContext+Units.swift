/// Phụ lục I, figures per unit. A province's plan: one table per unit type, each parent followed
/// by the units under it. A national plan, whose units sit under provinces: one table per
/// province — the province as the heading, its units by type under it, the province's subtotal
/// last — and the units under no province by type as before.
extension ReportContext {
    /// The provinces the appendix groups units under: units of type `province` that have units
    /// under them (positions in the plan). None in a province's own plan.
    func provinces() -> [Int] {
        let units = report.plan.units
        let parents = Set(units.compactMap(\.parent))
        return units.indices.filter { units[$0].type == "province" && parents.contains(units[$0].id) }
    }

    /// Per unit (position in the plan): the province it sits under, through its parents (or the
    /// unit it merged into); nil when under none.
    func provinceOf(_ provinces: [Int]) -> [Int?] {
        let units = report.plan.units
        guard !provinces.isEmpty else { return Array(repeating: nil, count: units.count) }
        let position = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let isProvince = Set(provinces)
        return units.indices.map { u in
            var current = u
            // A parent chain is never longer than the plan (plans with a cycle are refused).
            for _ in 0..<units.count {
                guard let up = units[current].parent ?? units[current].mergedInto, let next = position[up] else { return nil }
                if isProvince.contains(next) { return next }
                current = next
            }
            return nil
        }
    }

    /// Per unit (position in the plan): the positions in `report.indicators` of its rows with a
    /// figure, in the plan's order of indicators — one walk over the rows, no sort.
    func unitFigureRows() -> [[Int32]] {
        let rows = report.indicators
        var segments = Array(repeating: 0..<0, count: report.plan.indicators.count)
        var start = 0
        while start < rows.count {
            let indicator = rows.packed(start).indicator
            var end = start + 1
            while end < rows.count && rows.packed(end).indicator == indicator { end += 1 }
            segments[Int(indicator)] = start..<end
            start = end
        }
        var byUnit = Array(repeating: [Int32](), count: report.plan.units.count)
        for segment in segments {
            for index in segment {
                let row = rows.packed(index)
                if !row.isTotal && (row.optionalValue != nil || row.optionalCumulative != nil) {
                    byUnit[Int(row.unit)].append(Int32(index))
                }
            }
        }
        return byUnit
    }

    /// Units in the plan's order, each parent followed by the units under it (and the units
    /// merged into it), so a district's communes sit below the district.
    func hierarchyOrder(_ units: [ReportingUnit]) -> [(unit: ReportingUnit, depth: Int)] {
        let ids = Set(units.map(\.id))
        var children: [String: [ReportingUnit]] = [:]
        var roots: [ReportingUnit] = []
        for unit in units {
            if let parent = unit.parent ?? unit.mergedInto, ids.contains(parent), parent != unit.id {
                children[parent, default: []].append(unit)
            } else {
                roots.append(unit)
            }
        }
        var result: [(ReportingUnit, Int)] = []
        var seen: Set<String> = []
        func visit(_ unit: ReportingUnit, _ depth: Int) {
            guard seen.insert(unit.id).inserted else { return }
            result.append((unit, depth))
            for child in children[unit.id] ?? [] { visit(child, depth + 1) }
        }
        for root in roots { visit(root, 0) }
        for unit in units where !seen.contains(unit.id) { visit(unit, 0) }
        return result
    }

    /// The appendix rows of `units` (in hierarchy order): one per figure, the unit's name on its first.
    func figureRows(_ units: [(unit: ReportingUnit, depth: Int)], _ figures: [[Int32]],
                    position: [String: Int]) -> [FigureRow] {
        var rows: [FigureRow] = []
        for (unit, depth) in units {
            guard let u = position[unit.id] else { continue }
            for (index, rowIndex) in figures[u].enumerated() {
                rows.append(FigureRow(row: rowIndex, depth: UInt16(clamping: depth), isFirst: index == 0))
            }
        }
        return rows
    }

    /// One row of a Phụ lục I table as kept until a template reaches it: 8 bytes, not a
    /// dictionary of six template values (a national appendix has 84.000 rows).
    struct FigureRow: Sendable {
        /// The row's position in `report.indicators`; its unit and indicator are there.
        let row: Int32
        /// How far the unit sits under the table's top units: one "– " before its name per level.
        let depth: UInt16
        /// The unit's first row, which names it; its other rows leave the unit cell empty.
        let isFirst: Bool
    }

    /// Makes Phụ lục I's rows as templates reach them: `{ unit, first, indicator, counted, value,
    /// cumulative }`, the unit's name only on its first row, "(*)" after a figure carried from an
    /// earlier period, "—" for no figure and for the cumulative of an indicator that is not summed.
    struct FigureRowMaker: Sendable {
        let indicators: IndicatorRows
        /// Each unit's name, by its position in the plan.
        let unitNames: [String]
        /// Each indicator's name, made once.
        let indicatorNames: [TemplateValue]
        /// Whether each indicator is summed over time (only those have a cumulative figure).
        let isSum: [Bool]
        /// A row with the six names and no values yet. Each row is a copy of it with its values
        /// set in place at the names' positions, so that making a row hashes no name (hashing
        /// the names was most of a row's cost, paid again by each template that walks the rows).
        let blank: [String: TemplateValue]
        let unitSlot, firstSlot, indicatorSlot, countedSlot, valueSlot, cumulativeSlot: Dictionary<String, TemplateValue>.Index

        init(_ report: PeriodReport) {
            indicators = report.indicators
            unitNames = report.plan.units.map(\.name)
            indicatorNames = report.plan.indicators.map { .string($0.name) }
            isSum = report.plan.indicators.map { $0.overTime == .sum }
            let blank: [String: TemplateValue] = [
                "unit": .null, "first": .null, "indicator": .null, "counted": .null, "value": .null, "cumulative": .null,
            ]
            self.blank = blank
            unitSlot = blank.index(forKey: "unit")!
            firstSlot = blank.index(forKey: "first")!
            indicatorSlot = blank.index(forKey: "indicator")!
            countedSlot = blank.index(forKey: "counted")!
            valueSlot = blank.index(forKey: "value")!
            cumulativeSlot = blank.index(forKey: "cumulative")!
        }

        /// `rows` as a list whose items are made when a template reaches them.
        func list(_ rows: [FigureRow]) -> TemplateValue {
            .lazyList(LazyTemplateList(count: rows.count) { [self] index in value(rows[index]) })
        }

        func value(_ entry: FigureRow) -> TemplateValue {
            let row = indicators.packed(Int(entry.row))
            let i = Int(row.indicator)
            let unit = entry.isFirst ? String(repeating: "– ", count: Int(entry.depth)) + unitNames[Int(row.unit)] : ""
            var fields = blank
            fields.values[unitSlot] = .string(unit)
            fields.values[firstSlot] = .bool(entry.isFirst)
            fields.values[indicatorSlot] = indicatorNames[i]
            fields.values[countedSlot] = .bool(row.isCounted)
            fields.values[valueSlot] = .string(row.isCarried ? Self.number(row.optionalValue) + " (*)" : Self.number(row.optionalValue))
            fields.values[cumulativeSlot] = .string(isSum[i] ? Self.number(row.optionalCumulative) : "—")
            return .object(fields)
        }

        /// `number(value)` of `ReportContext`: "—" for none, the Vietnamese form otherwise.
        static func number(_ value: Int64?) -> String {
            guard let value else { return "—" }
            guard value >= 0 && value < smallNumbers.count else { return VietnameseFormat.number(value) }
            return smallNumbers[Int(value)]
        }

        /// The Vietnamese form of the numbers most figures are, made once per run rather than
        /// each time a template reaches a row (short texts like these take no memory of their own).
        static let smallNumbers = (0..<10_000).map { VietnameseFormat.number(Int64($0)) }
    }

    /// One table per unit type: every unit with a figure (under no province), its indicators in
    /// the plan's order, and the type's totals — in a national plan the types' totals also count
    /// the provinces' units, so there the tables of units under no province have none.
    func unitGroups(_ figures: [[Int32]], provinceOf: [Int?]) -> [TemplateValue] {
        let plan = report.plan
        let national = provinceOf.contains { $0 != nil }
        let position = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let maker = FigureRowMaker(report)
        return plan.unitTypes.compactMap { type in
            let members = plan.units.indices.filter { plan.units[$0].type == type && provinceOf[$0] == nil }
            let rows = figureRows(hierarchyOrder(members.map { plan.units[$0] }), figures, position: position)
            guard !rows.isEmpty else { return nil }
            return .object([
                "type": .string(VietnameseLabels.unitType(type)),
                "rows": maker.list(rows),
                "totals": .list(national ? [] : typeTotalRows(type)),
            ])
        }
    }

    /// The totals of the units of `type` (all of the plan's), one per indicator in the plan's order;
    /// `first` marks the first.
    func typeTotalRows(_ type: String) -> [TemplateValue] {
        let order = Dictionary(report.plan.indicators.enumerated().map { ($0.element.id, $0.offset) },
                               uniquingKeysWith: { a, _ in a })
        let totals = report.typeTotals.filter { $0.type == type }.sorted {
            (order[$0.indicator] ?? 0) < (order[$1.indicator] ?? 0)
        }
        return totals.enumerated().map { index, total in
            .object([
                "first": .bool(index == 0),
                "indicator": .string(indicatorName(total.indicator)),
                "value": .string(number(total.value)),
                "cumulative": .string(indicatorNames[total.indicator]?.overTime == .sum ? number(total.cumulative) : "—"),
                "counted": .bool(total.counted),
            ])
        }
    }

    /// A national plan's totals by unit type across the country — every province's units of the
    /// type and those under none — which the provinces' tables cannot show; none in a province's
    /// own plan, whose tables by type end with their totals.
    func nationalTypeTotals(provinces: [Int]) -> [TemplateValue] {
        guard !provinces.isEmpty else { return [] }
        return report.plan.unitTypes.compactMap { type in
            let rows = typeTotalRows(type)
            return rows.isEmpty ? nil : .object(["type": .string(VietnameseLabels.unitType(type)), "totals": .list(rows)])
        }
    }

    /// One block per province with figures, in plan order: `{ name, types: [{ type, rows }],
    /// totals }`, the rows as in `unit_groups`, the totals the province's subtotal (its units
    /// that count in each indicator).
    func provinceGroups(_ figures: [[Int32]], provinces: [Int], provinceOf: [Int?]) -> [TemplateValue] {
        let plan = report.plan
        guard !provinces.isEmpty else { return [] }
        let position = Dictionary(plan.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var members = Dictionary(uniqueKeysWithValues: provinces.map { ($0, [Int]()) })
        for u in plan.units.indices { if let p = provinceOf[u] { members[p, default: []].append(u) } }
        let subtotals = Dictionary(grouping: report.subtotals, by: \.unit)
        let types = plan.unitTypes
        let maker = FigureRowMaker(report)
        return provinces.compactMap { p in
            let units = members[p] ?? []
            let groups: [TemplateValue] = types.compactMap { type in
                let ofType = units.filter { plan.units[$0].type == type }.map { plan.units[$0] }
                let rows = figureRows(hierarchyOrder(ofType), figures, position: position)
                return rows.isEmpty ? nil : .object(["type": .string(VietnameseLabels.unitType(type)), "rows": maker.list(rows)])
            }
            guard !groups.isEmpty else { return nil }
            let totals = subtotals[plan.units[p].id] ?? []
            return .object([
                "name": .string(plan.units[p].name),
                "types": .list(groups),
                "totals": .list(totals.map { row in
                    .object([
                        "indicator": .string(indicatorName(row.indicator)),
                        "value": .string(number(row.value)),
                        "cumulative": .string(indicatorNames[row.indicator]?.overTime == .sum ? number(row.cumulative) : "—"),
                    ])
                }),
            ])
        }
    }
}
