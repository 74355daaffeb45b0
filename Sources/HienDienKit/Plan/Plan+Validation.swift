extension Plan {
    /// Checks the plan against its own rules, appending one diagnostic per problem.
    func validate(into reader: inout JSONReader) {
        let idPattern = Plan.isValidID
        if !Plan.isValidPlanID(id) {
            reader.error("$.id", "plan.plan-id", "a plan id may use only letters A–Z, digits, '_' and '-', beginning with a letter or digit (at most 64)",
                         offending: id, hint: "the id names the plan's folders, e.g. \"tra-vinh-2024-2025\"")
        }
        if start > end {
            reader.error("$.end", "plan.dates", "the plan ends before it starts", offending: end.description)
        }
        checkUnique(units.map(\.id), what: "unit", path: "$.units", reader: &reader)
        checkUnique(indicators.map(\.id), what: "indicator", path: "$.indicators", reader: &reader)
        checkUnique(targets.map(\.id), what: "target", path: "$.targets", reader: &reader)
        checkUnique(tasks.map(\.id), what: "task", path: "$.tasks", reader: &reader)

        let unitIDs = Set(units.map(\.id))
        let types = Set(units.map(\.type))
        let indicatorsByID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        if !unitIDs.contains(coordinator) {
            reader.error("$.coordinator", "plan.unknown-unit", "the coordinator is not one of the plan's units",
                         offending: coordinator, hint: suggestion(coordinator, unitIDs))
        }

        // MARK: Units
        for (index, unit) in units.enumerated() {
            let path = "$.units[\(index)]"
            if !idPattern(unit.id) {
                reader.error("\(path).id", "plan.id", Plan.idRule, offending: unit.id)
            } else if Plan.reservedUnitIDs.contains(unit.id.uppercased()) {
                reader.error("\(path).id", "plan.reserved-id", "'\(unit.id)' is reserved: the reports use it for the province's total",
                             offending: unit.id, hint: "give the unit another id")
            }
            if let parent = unit.parent, !unitIDs.contains(parent) {
                reader.error("\(path).parent", "plan.unknown-unit", "unknown parent unit", offending: parent,
                             hint: suggestion(parent, unitIDs))
            }
            if let successor = unit.mergedInto {
                if !unitIDs.contains(successor) {
                    reader.error("\(path).merged_into", "plan.unknown-unit", "unknown successor unit",
                                 offending: successor, hint: suggestion(successor, unitIDs))
                } else if successor == unit.id {
                    reader.error("\(path).merged_into", "plan.merge", "a unit cannot merge into itself", offending: successor)
                }
                if unit.until == nil {
                    reader.error("\(path).until", "plan.merge", "a merged unit needs \"until\" (its last day)",
                                 hint: "e.g. \"until\": \"2025-06-30\" for the July 2025 merger")
                }
            }
            if let from = unit.from, let until = unit.until, from > until {
                reader.error("\(path).until", "plan.dates", "the unit ends before it begins", offending: until.description)
            }
            let typeOK = !unit.type.isEmpty && unit.type.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
            if !typeOK {
                reader.error("\(path).type", "plan.unit-type", "unit types are lower-case words such as \"commune\"",
                             offending: unit.type)
            }
        }
        // Parent cycles: follow each chain; a chain longer than the unit count revisits a unit.
        let parents = Dictionary(units.compactMap { u in u.parent.map { (u.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var reported = Set<String>()
        for (index, unit) in units.enumerated() {
            var seen: [String] = [unit.id]
            var current = parents[unit.id]
            while let next = current {
                if next == unit.id {
                    let cycle = (seen + [next]).joined(separator: " → ")
                    if reported.insert(Set(seen).sorted().joined(separator: ",")).inserted {
                        reader.error("$.units[\(index)].parent", "plan.parent-cycle", "units report to each other in a cycle",
                                     offending: cycle, hint: "a unit's parent chain must end at a unit without a parent")
                    }
                    break
                }
                if seen.contains(next) || seen.count > units.count { break }
                seen.append(next)
                current = parents[next]
            }
        }

        // MARK: Indicators
        for (index, indicator) in indicators.enumerated() {
            let path = "$.indicators[\(index)]"
            if !idPattern(indicator.id) {
                reader.error("\(path).id", "plan.id", Plan.idRule,
                             offending: indicator.id)
            }
            for source in indicator.sources?.sorted() ?? [] where !types.contains(source) {
                reader.error("\(path).sources", "plan.unit-type", "no unit in the plan has this type",
                             offending: source, hint: suggestion(source, types))
            }
            if indicator.sources?.isEmpty == true {
                reader.error("\(path).sources", "plan.sources", "an empty list would count no unit at all",
                             hint: "leave \"sources\" out to count every unit")
            }
        }

        // MARK: Targets
        for (index, target) in targets.enumerated() {
            let path = "$.targets[\(index)]"
            let fields: [(String, String)]
            switch target.kind {
            case let .ratio(numerator, denominator): fields = [("numerator", numerator), ("denominator", denominator)]
            case let .count(ids): fields = ids.map { ("indicators", $0) }
            case let .coverage(indicator, unitType):
                fields = [("indicator", indicator)]
                if !types.contains(unitType) {
                    reader.error("\(path).unit_type", "plan.unit-type", "no unit in the plan has this type",
                                 offending: unitType, hint: suggestion(unitType, types))
                }
            }
            for (field, id) in fields {
                guard let indicator = indicatorsByID[id] else {
                    reader.error("\(path).\(field)", "plan.unknown-indicator", "unknown indicator", offending: id,
                                 hint: suggestion(id, Set(indicatorsByID.keys)))
                    continue
                }
                if case .count = target.kind, indicator.overTime != .sum {
                    reader.error("\(path).\(field)", "plan.count-of-stock",
                                 "a count target cumulates flows, but this indicator is a stock (\"over_time\": \"last\")",
                                 offending: id, hint: "use a \"sum\" indicator, or make this a ratio target")
                }
            }
            if target.kind.isFraction && (target.goal < 0 || target.goal > 1) {
                reader.error("\(path).goal", "plan.goal", "ratio and coverage goals are fractions from 0 to 1",
                             offending: literal(target.goal), hint: "50 % is written 0.5")
            }
            if !target.kind.isFraction && (target.goal < 0 || target.goal != target.goal.rounded()) {
                reader.error("\(path).goal", "plan.goal", "a count goal is a whole, non-negative number",
                             offending: literal(target.goal))
            }
            if let high = target.goalHigh {
                if high < target.goal {
                    reader.error("\(path).goal_high", "plan.goal-range", "goal_high is below goal",
                                 offending: literal(high), hint: "a range \"70 % to 80 %\" is goal 0.7, goal_high 0.8")
                }
                if target.kind.isFraction && high > 1 {
                    reader.error("\(path).goal_high", "plan.goal", "ratio goals are fractions from 0 to 1", offending: literal(high))
                }
            }
            if target.baseline > target.goal {
                reader.error("\(path).baseline", "plan.baseline", "the baseline is above the goal", offending: literal(target.baseline))
            }
            if target.deadline < start || target.deadline > end {
                reader.error("\(path).deadline", "plan.deadline", "deadline outside the plan (\(start) – \(end))",
                             offending: target.deadline.description)
            }
        }

        // MARK: Tasks
        for (index, task) in tasks.enumerated() {
            let path = "$.tasks[\(index)]"
            for (i, id) in task.lead.enumerated() where !unitIDs.contains(id) {
                reader.error("\(path).lead[\(i)]", "plan.unknown-unit", "unknown unit", offending: id, hint: suggestion(id, unitIDs))
            }
            for (i, id) in task.partners.enumerated() where !unitIDs.contains(id) {
                reader.error("\(path).partners[\(i)]", "plan.unknown-unit", "unknown unit", offending: id,
                             hint: suggestion(id, unitIDs))
            }
            if let due = task.schedule.dueDay,
               due < Day.endOf(month: start.month, year: start.year) || due > Day.endOf(month: end.month, year: end.year) {
                reader.error("\(path).due", "plan.deadline", "due month outside the plan (\(start) – \(end))",
                             offending: due.description)
            }
        }
        validateAdditions(into: &reader)
    }

    private func checkUnique(_ ids: [String], what: String, path: String, reader: inout JSONReader) {
        var first: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let earlier = first[id] {
                reader.error("\(path)[\(index)].id", "plan.duplicate-id", "duplicate \(what) id (first at \(path)[\(earlier)])",
                             offending: id)
            } else {
                first[id] = index
            }
        }
    }

    /// A number as the plan would write it: 50 rather than 50.0.
    private func literal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private func suggestion(_ text: String, _ candidates: Set<String>) -> String? {
        EditDistance.closest(to: text, among: candidates.sorted(), limit: EditDistance.typoLimit(for: text)).map { "did you mean '\($0)'?" }
    }

    // MARK: Ids (docs/PLAN_FORMAT.md)

    static let idRule = "ids may use only letters A–Z, digits, '_', '-' and '.', beginning with a letter or digit"

    /// Words the outputs use beside unit ids (`TOTAL` is the province's row in indicators.csv).
    static let reservedUnitIDs: Set<String> = ["TOTAL"]

    /// A unit, indicator, target or task id: `[A-Za-z0-9][A-Za-z0-9_.-]*`, so it is never a
    /// path step (`..`), a formula in a spreadsheet (`-1-1`) or empty.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLetterOrDigit(first) else { return false }
        return id.utf8.allSatisfy { isLetterOrDigit($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }
    }

    /// A plan id names folders (`demo-out/<plan>/`): `[A-Za-z0-9][A-Za-z0-9_-]{0,63}`, no dot.
    static func isValidPlanID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLetterOrDigit(first), id.utf8.count <= 64 else { return false }
        return id.utf8.allSatisfy { isLetterOrDigit($0) || $0 == 0x5F || $0 == 0x2D }
    }

    private static func isLetterOrDigit(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
}
