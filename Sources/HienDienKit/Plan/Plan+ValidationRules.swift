/// Checks of the plan file's later additions: dated issuers, who reports through whom, rates and
/// their reference figures, ranking and commendation, yearly targets and quotas.
extension Plan {
    func validateAdditions(into reader: inout JSONReader) {
        let unitIDs = Set(units.map(\.id))
        let types = Set(units.map(\.type))
        let first = issued ?? start
        if let issued, issued > end {
            reader.error("$.issued", "plan.issued", "the plan is issued after its period ends (\(end))",
                         offending: issued.description)
        }

        // MARK: Issuers
        let document = self.document
        var seenFrom: Set<Day> = []
        for (index, issuer) in document.issuers.enumerated() {
            let path = "$.document.issuers[\(index)]"
            guard let from = issuer.from else {
                if index > 0 {
                    reader.error("\(path).from", "plan.issuer-from", "every issuer after the first needs \"from\"",
                                 hint: "the day the new issuer takes over, e.g. \"2025-07-01\"")
                }
                continue
            }
            if from < start || from > end {
                reader.error("\(path).from", "plan.issuer-range", "the issuer changes outside the plan (\(start) – \(end))",
                             offending: from.description)
            }
            if !seenFrom.insert(from).inserted {
                reader.error("\(path).from", "plan.issuer-from", "two issuers take over on the same day", offending: from.description)
            }
            if index > 0, let earlier = document.issuers[index - 1].from, earlier > from {
                reader.error("\(path).from", "plan.issuer-order", "issuers are listed in date order", offending: from.description)
            }
        }
        if let firstFrom = document.issuers.compactMap(\.from).min(), document.issuers.allSatisfy({ $0.from != nil }),
           firstFrom > first {
            reader.error("$.document.issuers[0].from", "plan.issuer-gap",
                         "reports dated from \(first) to \(firstFrom.adding(days: -1)) would have no issuer",
                         offending: firstFrom.description,
                         hint: "leave \"from\" out of the first issuer, or start it on the plan's issue day")
        }

        // MARK: Who reports through whom
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, unit) in units.enumerated() {
            let path = "$.units[\(index)]"
            if unit.informed && !unit.reports {
                reader.error("\(path).informed", "plan.informed", "\"informed\" is for a unit that may report; this one has \"reports\": false")
            }
            guard let via = unit.via else { continue }
            guard let channel = byID[via] else {
                reader.error("\(path).via", "plan.unknown-unit", "unknown unit", offending: via, hint: suggestion(via, unitIDs))
                continue
            }
            if via == unit.id {
                reader.error("\(path).via", "plan.via", "a unit cannot report through itself", offending: via)
            } else if !channel.reports && via != coordinator {
                reader.error("\(path).via", "plan.via-silent", "reports go through a unit that does not report",
                             offending: via, hint: "give \(via) \"reports\": true, or send the reports through another unit")
            }
        }

        // Reports sent through each other in a loop would never reach the coordinator.
        let vias = Dictionary(units.compactMap { u in u.via.map { (u.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var looped = Set<String>()
        for (index, unit) in units.enumerated() where vias[unit.id] != nil && !looped.contains(unit.id) {
            var seen = [unit.id]
            var next = vias[unit.id]
            while let current = next, current != coordinator, seen.count <= units.count {
                if seen.contains(current) {
                    if current == unit.id {
                        looped.formUnion(seen)
                        reader.error("$.units[\(index)].via", "plan.via-cycle", "reports go round in a loop",
                                     offending: (seen + [current]).joined(separator: " → "))
                    }
                    break
                }
                seen.append(current)
                next = vias[current]
            }
        }

        // MARK: Rates and reference figures
        for (index, indicator) in indicators.enumerated() {
            for rate in indicator.rates {
                let holders = units.filter { indicator.counts(type: $0.type) && $0.reference(rate.reference) != nil }
                if holders.isEmpty {
                    reader.error("$.indicators[\(index)].rates", "plan.rate-reference",
                                 "no unit has the reference figure this rate divides by", offending: rate.rawValue,
                                 hint: "give units \"reference\": { \"\(rate.reference.rawValue)\": { \"value\": …, \"date\": …, \"source\": … } }")
                }
            }
        }

        // MARK: Ranking and commendation
        if let ranking {
            let isIndicator = indicators.contains { $0.id == ranking.by }
            let isTarget = targets.contains { $0.id == ranking.by }
            if !isIndicator && !isTarget {
                reader.error("$.ranking.by", "plan.ranking", "rank by an indicator or a target of the plan", offending: ranking.by,
                             hint: suggestion(ranking.by, Set(indicators.map(\.id) + targets.map(\.id))))
            }
            if !isIndicator, let target = targets.first(where: { $0.id == ranking.by }), !target.perUnit {
                reader.error("$.ranking.by", "plan.ranking", "ranking by a target needs its results per unit (\"per_unit\": true)",
                             offending: ranking.by)
            }
            if ranking.rate != nil && !isIndicator {
                reader.error("$.ranking.rate", "plan.ranking", "a rate ranks an indicator, not a target", offending: ranking.by)
            }
            for type in ranking.unitTypes where !types.contains(type) {
                reader.error("$.ranking.unit_types", "plan.unit-type", "no unit in the plan has this type", offending: type,
                             hint: suggestion(type, types))
            }
            if let rate = ranking.rate {
                let ranked = units.filter { $0.isGraded && (ranking.unitTypes.isEmpty || ranking.unitTypes.contains($0.type)) }
                if !ranked.isEmpty && !ranked.contains(where: { $0.reference(rate.reference) != nil }) {
                    reader.error("$.ranking.rate", "plan.rate-reference", "no ranked unit has the reference figure this rate divides by",
                                 offending: rate.rawValue)
                }
            }
        }
        for (i, criterion) in (commendation?.criteria ?? []).enumerated() {
            guard let target = targets.first(where: { $0.id == criterion }) else {
                reader.error("$.commendation.criteria[\(i)]", "plan.unknown-target", "unknown target", offending: criterion,
                             hint: suggestion(criterion, Set(targets.map(\.id))))
                continue
            }
            if !target.perUnit {
                reader.error("$.commendation.criteria[\(i)]", "plan.commendation",
                             "a criterion is judged unit by unit: the target needs \"per_unit\": true", offending: criterion)
            }
        }

        validateTaskQuotas(into: &reader)

        // MARK: Targets: yearly goals, baselines, quotas
        for (index, target) in targets.enumerated() {
            let path = "$.targets[\(index)]"
            for (year, goal) in target.goals.sorted(by: { $0.key < $1.key }) {
                if year < start.year || year > end.year {
                    reader.error("\(path).goals.\(year)", "plan.target-goals", "a year outside the plan (\(start.year) – \(end.year))",
                                 offending: String(year))
                }
                if target.kind.isFraction && (goal < 0 || goal > 1) {
                    reader.error("\(path).goals.\(year)", "plan.goal", "ratio and coverage goals are fractions from 0 to 1",
                                 offending: String(goal), hint: "50 % is written 0.5")
                }
            }
            if target.baselineFromFirstReport && !target.kind.isFraction {
                reader.error("\(path).baseline", "plan.baseline", "\"first_report\" is a baseline for a share target")
            }
            if let date = target.baselineDate, date > target.deadline {
                reader.error("\(path).baseline.date", "plan.baseline", "the baseline is dated after the deadline",
                             offending: date.description)
            }
            for type in target.unitTypes where !types.contains(type) {
                reader.error("\(path).unit_types", "plan.unit-type", "no unit in the plan has this type", offending: type,
                             hint: suggestion(type, types))
            }
            if !target.unitTypes.isEmpty, case .coverage = target.kind {
                reader.error("\(path).unit_types", "plan.quota", "a coverage target has its own \"unit_type\"")
            }
        }
    }

    func validateTaskQuotas(into reader: inout JSONReader) {
        for (index, task) in tasks.enumerated() {
            guard let id = task.quotaIndicator else { continue }
            let path = "$.tasks[\(index)].quota_indicator"
            if task.quotaCount == nil {
                reader.error(path, "plan.task-quota", "\"quota_indicator\" goes with \"quota_count\"")
            }
            guard let indicator = indicators.first(where: { $0.id == id }) else {
                reader.error(path, "plan.unknown-indicator", "unknown indicator", offending: id,
                             hint: suggestion(id, Set(indicators.map(\.id))))
                continue
            }
            if indicator.overTime != .sum {
                reader.error(path, "plan.task-quota", "a quota counts a flow indicator (\"over_time\": \"sum\")", offending: id)
            }
        }
    }

    /// Every value the plan file assumed, for `hiendien check` and `init`.
    public var assumptions: [PlanAssumption] {
        var list: [PlanAssumption] = []
        if let reason = issuedAssumed?.reason {
            list.append(PlanAssumption(path: "$.issued", subject: "ngày ban hành \(issued?.description ?? "")", reason: reason))
        }
        if let reason = ranking?.assumed?.reason {
            list.append(PlanAssumption(path: "$.ranking", subject: ranking?.label ?? "", reason: reason))
        }
        if let reason = commendation?.assumed?.reason {
            list.append(PlanAssumption(path: "$.commendation", subject: commendation?.basis ?? "", reason: reason))
        }
        for (i, issuer) in document.issuers.enumerated() {
            if let reason = issuer.assumed?.reason {
                list.append(PlanAssumption(path: "$.document.issuers[\(i)]", subject: issuer.body, reason: reason))
            }
        }
        for (i, unit) in units.enumerated() {
            if let reason = unit.assumed?.reason {
                list.append(PlanAssumption(path: "$.units[\(i)]", subject: unit.name, reason: reason))
            }
            for figure in unit.reference {
                if let reason = figure.assumed?.reason {
                    list.append(PlanAssumption(path: "$.units[\(i)].reference.\(figure.kind.rawValue)",
                                               subject: "\(unit.name): \(figure.kind.rawValue)", reason: reason))
                }
            }
        }
        for (i, indicator) in indicators.enumerated() {
            if let reason = indicator.assumed?.reason {
                list.append(PlanAssumption(path: "$.indicators[\(i)]", subject: indicator.name, reason: reason))
            }
        }
        for (i, target) in targets.enumerated() {
            if let reason = target.assumed?.reason {
                list.append(PlanAssumption(path: "$.targets[\(i)]", subject: target.name, reason: reason))
            }
        }
        for (i, task) in tasks.enumerated() {
            if let reason = task.assumed?.reason {
                list.append(PlanAssumption(path: "$.tasks[\(i)]", subject: "\(task.id) \(task.title)", reason: reason))
            }
        }
        return list
    }

    /// The assumptions as warnings located in the plan file (printed by `init` and `check`).
    public func assumptionNotices(file: String) -> [Diagnostic] {
        assumptions.map {
            Diagnostic(.warning, at: SourceLocation(file: file, path: $0.path), code: "plan.assumed",
                       message: "assumed, not in the plan's text: \($0.reason)", offending: $0.subject)
        }
    }

    fileprivate func suggestion(_ text: String, _ candidates: Set<String>) -> String? {
        EditDistance.closest(to: text, among: candidates.sorted(), limit: EditDistance.typoLimit(for: text))
            .map { "did you mean '\($0)'?" }
    }
}
