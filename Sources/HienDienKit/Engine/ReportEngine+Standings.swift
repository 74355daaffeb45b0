/// The ranking and commendation the plan declares (`ranking`, `commendation`), nothing else:
/// a plan that declares neither gets no standings at all.
extension ReportEngine {
    /// `figures`: the candidates' figures when the ranking is by an indicator's value (from
    /// `ReportPass`); a rate or a target's per-unit result is taken from `rates` or `targets`.
    func planStandings(_ period: Period, figures: [(unit: String, value: Double)], targets: [TargetResult],
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
            if let i = indicatorIndex[rule.by] {
                if let rate = rule.rate {
                    for (u, unit) in candidates where counts[i][u] {
                        guard let row = rates.first(where: { $0.scope == .unit(unit.id) && $0.indicator == rule.by && $0.rate == rate })
                        else { continue }
                        values.append((unit.id, row.result))
                    }
                } else {
                    values = figures
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
