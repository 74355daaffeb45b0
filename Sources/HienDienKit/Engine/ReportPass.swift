/// One walk over the units for a period's report: each unit's values are loaded into one
/// `UnitValues`, everything the report needs from them is taken — the unit's own rows, its share
/// of every total, subtotal, type total, target, rate, task quota and ranking, its data warnings —
/// and the next unit replaces it. What stays is the running totals and the rows the report
/// lists, never the store's values.
///
/// Every sum here is the same sum the report defines over all units; the order the units come
/// in does not change a figure, and lists are sorted when the pass is finished.
struct ReportPass {
    /// An indicator's total over the units counted in it, built a unit at a time.
    struct Total {
        var value: Int64 = 0, cumulative: Int64 = 0
        var anyValue = false, anyCumulative = false, carried = false

        mutating func add(_ figure: UnitValues.Figure?, _ cumulative: Int64?) {
            if let figure {
                value += figure.value
                anyValue = true
                carried = carried || figure.isCarried
            }
            if let cumulative {
                self.cumulative += cumulative
                anyCumulative = true
            }
        }

        func row(_ indicator: String) -> IndicatorRow {
            IndicatorRow(scope: .total, indicator: indicator, value: anyValue ? value : nil,
                         cumulative: anyCumulative ? cumulative : nil, carried: carried, counted: true)
        }
    }

    /// A sum that stays nil until a unit gives a figure (nil is "not reported", never 0).
    struct Sum {
        var value: Int64?, cumulative: Int64?, reporting = 0

        mutating func add(_ figure: Int64?, _ cumulative: Int64?) {
            if let figure {
                value = (value ?? 0) + figure
                reporting += 1
            }
            if let cumulative { self.cumulative = (self.cumulative ?? 0) + cumulative }
        }
    }

    /// A rate's unit rows and the sums for its `TOTAL`.
    struct RateSum {
        var rows: [RateRow] = []
        var value: Int64 = 0, reference: Int64 = 0
        var latest: Day?
    }

    let engine: ReportEngine
    let period: Period
    let window: ClosedRange<Day>
    var plan: Plan { engine.plan }
    /// The values of the unit being taken in (reloaded for each unit).
    var values: UnitValues
    /// Per unit: whether it existed during the period's window.
    let existed: [Bool]
    /// Indicators in id order (the order of `indicators.csv`).
    let indicatorOrder: [Int]

    // Rows and totals of the period. Indicator `i`'s unit rows fill `rows` from
    // `region[i] × (units + 1)`, `rowCount[i]` of them: the most it can have, one a unit, and room
    // for its TOTAL, so that all are laid out once, in the end in place, with no growing.
    var rows: [IndicatorRows.Packed]
    var rowCount: [Int]
    let region: [Int]
    var totals: [Total]
    /// Earlier quarters of the trend (and the previous year of a year-end report): totals only.
    let trendQuarters: [Period]
    var trendTotals: [[Total]]
    let previousYear: Period?
    var previousTotals: [Total]
    /// Subtotals: each parent's members, which parents each unit counts in, the sums.
    let subtotalGroups: [(parent: String, members: [String])]
    let memberOf: [[Int]]
    var subtotalSums: [[Sum]]
    /// Type totals: the plan's unit types, each unit's type, the sums.
    let types: [String]
    let typeOf: [Int]
    var typeSums: [[Sum]]
    var targets: [TargetPass]
    var warnings: [DataWarning] = []
    /// Per indicator and its rates (plan order).
    var rateSums: [[RateSum]]
    /// Per task id with a counted quota: Σ of the quota indicator over its leads.
    var quotaProgress: [String: Int64] = [:]
    /// Per unit: the quota tasks it leads (once per time it is listed) and their indicator.
    let quotaLeads: [[(task: String, indicator: Int)]]
    /// The ranking's candidates and their figures, when the plan ranks by an indicator's value.
    var rankingFigures: [(unit: String, value: Double)] = []
    let rankingIndicator: Int?
    let rankingCandidate: [Bool]

    init(engine: ReportEngine, period: Period) {
        self.engine = engine
        self.period = period
        let plan = engine.plan
        window = plan.reporting.window(for: period)
        values = UnitValues(plan: plan)
        let window = window
        existed = plan.units.map { $0.exists(during: window) }
        indicatorOrder = plan.indicators.indices.sorted { plan.indicators[$0].id < plan.indicators[$1].id }
        let indicatorCount = plan.indicators.count
        let slots = (plan.units.count + 1) * indicatorCount
        rows = Array(repeating: IndicatorRows.Packed(unit: 0, indicator: 0, value: nil, cumulative: nil, carried: false,
                                                     counted: false), count: slots)
        rowCount = Array(repeating: 0, count: indicatorCount)
        var region = Array(repeating: 0, count: indicatorCount)
        for (position, i) in indicatorOrder.enumerated() { region[i] = position }
        self.region = region
        totals = Array(repeating: Total(), count: indicatorCount)
        trendQuarters = plan.quarters.filter { $0 <= period.quarters.last! && $0 != period }
        trendTotals = Array(repeating: totals, count: trendQuarters.count)
        previousYear = period.isYear && plan.contains(period.previous) ? period.previous : nil
        previousTotals = totals

        subtotalGroups = engine.subtotalMembers()
        var memberOf = Array(repeating: [Int](), count: plan.units.count)
        for (g, group) in subtotalGroups.enumerated() {
            for member in group.members { if let u = engine.unitIndex[member] { memberOf[u].append(g) } }
        }
        self.memberOf = memberOf
        subtotalSums = Array(repeating: Array(repeating: Sum(), count: indicatorCount), count: subtotalGroups.count)
        types = plan.unitTypes
        let typePosition = Dictionary(types.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        typeOf = plan.units.map { typePosition[$0.type] ?? 0 }
        typeSums = Array(repeating: Array(repeating: Sum(), count: indicatorCount), count: types.count)
        targets = plan.targets.map { TargetPass(engine: engine, target: $0, period: period) }
        rateSums = plan.indicators.map { Array(repeating: RateSum(), count: $0.rates.count) }

        var quotaLeads = Array(repeating: [(task: String, indicator: Int)](), count: plan.units.count)
        for task in plan.tasks {
            guard task.quotaCount != nil, let id = task.quotaIndicator, let i = engine.indicatorIndex[id] else { continue }
            quotaProgress[task.id] = 0
            for lead in task.lead { if let u = engine.unitIndex[lead] { quotaLeads[u].append((task.id, i)) } }
        }
        self.quotaLeads = quotaLeads
        if let rule = plan.ranking, rule.rate == nil, let i = engine.indicatorIndex[rule.by] {
            rankingIndicator = i
            rankingCandidate = plan.units.enumerated().map { u, unit in
                unit.isGraded && unit.exists(during: window) && (rule.unitTypes.isEmpty || rule.unitTypes.contains(unit.type))
                    && engine.counts[i][u]
            }
        } else {
            rankingIndicator = nil
            rankingCandidate = []
        }
    }

    // MARK: - Taking a unit in

    /// Takes in unit `u`'s current values (every period up to the report's); each unit once.
    /// A unit with no values adds nothing, so only units with values need to come.
    mutating func add(unit u: Int, _ entries: [UnitValues.Entry]) {
        values.load(unit: u, entries)
        let plan = engine.plan
        let unit = plan.units[u]
        for i in plan.indicators.indices {
            let figure = values.figure(u, i, period)
            let cumulative = values.cumulative(u, i, period)
            let counted = engine.counts[i][u]
            let indicator = plan.indicators[i]
            if figure != nil || (cumulative != nil && indicator.overTime == .sum && existed[u]) {
                rows[region[i] * (plan.units.count + 1) + rowCount[i]] = IndicatorRows.Packed(
                    unit: u, indicator: i, value: figure?.value, cumulative: cumulative,
                    carried: figure?.isCarried ?? false, counted: counted)
                rowCount[i] += 1
            }
            if counted {
                totals[i].add(figure, cumulative)
                for (q, quarter) in trendQuarters.enumerated() {
                    trendTotals[q][i].add(values.figure(u, i, quarter), values.cumulative(u, i, quarter))
                }
                if let previousYear {
                    previousTotals[i].add(values.figure(u, i, previousYear), values.cumulative(u, i, previousYear))
                }
                for g in memberOf[u] { subtotalSums[g][i].add(figure?.value, cumulative) }
                if existed[u], let cumulative {
                    for (r, rate) in indicator.rates.enumerated() {
                        guard let reference = unit.reference(rate.reference) else { continue }
                        rateSums[i][r].rows.append(RateRow(
                            scope: .unit(unit.id), indicator: indicator.id, rate: rate, value: cumulative,
                            reference: reference.value, referenceDate: reference.date,
                            result: engine.rateValue(cumulative, reference.value, rate)))
                        rateSums[i][r].value += cumulative
                        rateSums[i][r].reference += reference.value
                        rateSums[i][r].latest = max(rateSums[i][r].latest ?? reference.date, reference.date)
                    }
                }
            }
            typeSums[typeOf[u]][i].add(figure?.value, cumulative)
        }
        for (task, i) in quotaLeads[u] { quotaProgress[task, default: 0] += values.cumulative(u, i, period) ?? 0 }
        if let i = rankingIndicator, rankingCandidate[u], let figure = values.figure(u, i, period) {
            rankingFigures.append((unit.id, Double(figure.value)))
        }
        for t in targets.indices { targets[t].add(engine, unit: u, values) }
        warnings += engine.dataWarnings(unit: u, values, period)
    }

    // MARK: - Finishing

    /// Every unit's row for each indicator, then the indicator's `TOTAL`: sorted by indicator,
    /// then unit id, `TOTAL` last. The rows are moved together in place and handed over.
    mutating func indicatorRows() -> IndicatorRows {
        let plan = self.plan
        let size = plan.units.count + 1
        var idRank: [Int32] = []
        var end = 0
        for i in indicatorOrder {
            // Each region starts at or after `end`: moving its rows down never overwrites one not yet moved.
            let start = region[i] * size
            for k in 0..<rowCount[i] { rows[end + k] = rows[start + k] }
            let segment = end..<(end + rowCount[i])
            let sorted = segment.dropFirst().allSatisfy {
                plan.units[Int(rows[$0 - 1].unit)].id <= plan.units[Int(rows[$0].unit)].id
            }
            if !sorted {
                if idRank.isEmpty {
                    idRank = Array(repeating: 0, count: plan.units.count)
                    for (rank, u) in plan.units.indices.sorted(by: { plan.units[$0].id < plan.units[$1].id }).enumerated() {
                        idRank[u] = Int32(rank)
                    }
                }
                rows[segment].sort { idRank[Int($0.unit)] < idRank[Int($1.unit)] }
            }
            end = segment.upperBound
            let total = totals[i]
            rows[end] = IndicatorRows.Packed(unit: -1, indicator: i, value: total.anyValue ? total.value : nil,
                                             cumulative: total.anyCumulative ? total.cumulative : nil,
                                             carried: total.carried, counted: true)
            end += 1
        }
        rows.removeLast(rows.count - end)
        defer { rows = [] }
        return IndicatorRows(plan: plan, rows: rows)
    }

    /// `TOTAL` rows in indicator id order.
    private func totalRows(_ totals: [Total]) -> [IndicatorRow] {
        indicatorOrder.map { totals[$0].row(plan.indicators[$0].id) }
    }

    /// Every quarter of the plan up to the period's end with its `TOTAL` rows; nil for the
    /// period itself (its totals are the report's own).
    func trendRows() -> [(Period, [IndicatorRow]?)] {
        plan.quarters.filter { $0 <= period.quarters.last! }.map { quarter in
            guard let q = trendQuarters.firstIndex(of: quarter) else { return (quarter, nil) }
            return (quarter, totalRows(trendTotals[q]))
        }
    }

    func previousYearRows() -> [IndicatorRow] {
        previousYear == nil ? [] : totalRows(previousTotals)
    }

    /// Each parent's subtotal per indicator (plan order), over the members its indicator counts.
    func subtotals() -> [SubtotalRow] {
        var result: [SubtotalRow] = []
        for (g, group) in subtotalGroups.enumerated() {
            for (i, indicator) in plan.indicators.enumerated() {
                let sum = subtotalSums[g][i]
                if sum.value != nil || sum.cumulative != nil {
                    result.append(SubtotalRow(unit: group.parent, indicator: indicator.id, value: sum.value,
                                              cumulative: sum.cumulative, members: group.members))
                }
            }
        }
        return result
    }

    /// Each indicator's total over the units of each type (the plan's order of types).
    func typeTotals() -> [TypeTotalRow] {
        var result: [TypeTotalRow] = []
        for (i, indicator) in plan.indicators.enumerated() {
            for (t, type) in types.enumerated() {
                let sum = typeSums[t][i]
                if sum.value != nil || sum.cumulative != nil {
                    result.append(TypeTotalRow(type: type, indicator: indicator.id, value: sum.value, cumulative: sum.cumulative,
                                               reportingUnits: sum.reporting, counted: indicator.counts(type: type)))
                }
            }
        }
        return result
    }

    /// Per indicator and rate: the unit rows by unit id, then `TOTAL` (ratio of the sums).
    func rateRows() -> [RateRow] {
        var result: [RateRow] = []
        for (i, indicator) in plan.indicators.enumerated() {
            for (r, rate) in indicator.rates.enumerated() {
                let sum = rateSums[i][r]
                guard let latest = sum.latest, sum.reference > 0 else { continue }
                result += sum.rows.sorted { ($0.scope.unitID ?? "") < ($1.scope.unitID ?? "") }
                result.append(RateRow(scope: .total, indicator: indicator.id, rate: rate, value: sum.value,
                                      reference: sum.reference, referenceDate: latest,
                                      result: engine.rateValue(sum.value, sum.reference, rate)))
            }
        }
        return result
    }

    /// Every target's result, in plan order: `TOTAL`, then each evaluated unit by id.
    func targetResults() -> [TargetResult] {
        targets.flatMap { $0.results(engine) }
    }

    /// The warnings sorted by unit, indicator, period and kind.
    func dataWarnings() -> [DataWarning] {
        warnings.sorted { a, b in
            if a.unit != b.unit { return a.unit < b.unit }
            if a.indicator != b.indicator { return a.indicator < b.indicator }
            if a.period != b.period { return a.period < b.period }
            return a.kind.rawValue < b.kind.rawValue
        }
    }
}
