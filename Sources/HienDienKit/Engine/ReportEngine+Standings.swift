/// The ranking and commendation the plan declares (`ranking`, `commendation`), nothing else:
/// a plan that declares neither gets no standings at all.
extension ReportEngine {
    func planStandings(_ table: ValueTable, _ period: Period, targets: [TargetResult],
                       rates: [RateRow]) -> Standings? {
        guard plan.ranking != nil || plan.commendation != nil else { return nil }
        let window = plan.reporting.window(for: period)
        let periodEnd = window.upperBound
        var ranked: [RankedUnit] = []
        if let rule = plan.ranking {
            let candidates = plan.units.enumerated().filter { _, unit in
                unit.isGraded && unit.exists(during: window) && (rule.unitTypes.isEmpty || rule.unitTypes.contains(unit.type))
            }
            var values: [(unit: String, value: Double)] = []
            if let i = table.indicatorIndex[rule.by] {
                for (u, unit) in candidates where counts[i][u] {
                    if let rate = rule.rate {
                        guard let row = rates.first(where: { $0.scope == .unit(unit.id) && $0.indicator == rule.by && $0.rate == rate })
                        else { continue }
                        values.append((unit.id, row.result))
                    } else if let figure = table.figure(u, i, period) {
                        values.append((unit.id, Double(figure.value)))
                    }
                }
            } else {
                let ids = Set(candidates.map(\.element.id))
                for result in targets where result.target.id == rule.by {
                    guard let unit = result.scope.unitID, ids.contains(unit), let actual = result.actual else { continue }
                    values.append((unit, actual))
                }
            }
            values.sort { $0.value != $1.value ? $0.value > $1.value : $0.unit < $1.unit }
            for (index, entry) in values.enumerated() {
                let rank = index > 0 && values[index - 1].value == entry.value ? ranked[index - 1].rank : index + 1
                ranked.append(RankedUnit(unit: entry.unit, value: entry.value, rank: rank))
            }
        }
        var commended: [String] = []
        if let rule = plan.commendation {
            for unit in plan.units where unit.isGraded && unit.exists(on: periodEnd) {
                let own = targets.filter { $0.scope == .unit(unit.id) }
                let meetsAll = rule.criteria.allSatisfy { id in
                    own.contains { $0.target.id == id && $0.status == .achieved }
                }
                let noneBehind = !own.contains { $0.status == .behind || $0.status.rawValue == "not_achieved" }
                if meetsAll && noneBehind { commended.append(unit.id) }
            }
        }
        return Standings(ranked: ranked, commended: commended, hasRanking: plan.ranking != nil,
                         hasCommendation: plan.commendation != nil)
    }
}
