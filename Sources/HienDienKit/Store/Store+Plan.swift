extension Store {
    /// Outcome of loading a plan into the store.
    public struct PlanLoad: Sendable, Equatable {
        public var planID: String
        public var created: Bool
        public var units: Int
        public var indicators: Int
        public var targets: Int
        public var tasks: Int
    }

    /// Stored submissions the plan no longer covers: a period outside the plan's dates (its
    /// start moved after stored data), or a unit's period outside the unit's life.
    func periodProblems(under plan: Plan) throws -> [String] {
        var problems: [String] = []
        let units = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = try database.prepare("""
            SELECT unit_id, period_key, count(*) FROM main.submission GROUP BY unit_id, period_key ORDER BY period_key, unit_id
            """).rows { ($0.text(0), $0.int(1), $0.int(2)) }
        var outside: [Period: Int] = [:]
        for (unitID, key, count) in rows {
            guard let period = Period(key: key) else { continue }  // `check` reports a key that is no period
            if !plan.contains(period) {
                outside[period, default: 0] += count
            } else if let unit = units[unitID], !unit.exists(during: plan.reporting.window(for: period)) {
                problems.append("unit '\(unitID)' has \(count) stored submission(s) for \(period), outside its life in the plan")
            }
        }
        let periods = outside.sorted { $0.key < $1.key }.map { period, count in
            "\(period) has \(count) stored submission(s) but lies outside the plan (\(plan.start) – \(plan.end)); keep the plan's dates around it"
        }
        return periods + problems
    }

    // MARK: - Writes

    /// Loads a plan (first `init`) or replaces it with an edited version of the same plan,
    /// keeping every stored report. A plan that would orphan stored values (a unit or
    /// indicator removed while reports refer to it) is refused whole.
    @discardableResult
    public func load(plan: Plan, json: String, file: String) throws -> PlanLoad {
        try database.inTransaction(.immediate) { () throws -> (Database.Completion, PlanLoad) in
            let storedID = try meta("plan_id")
            if let storedID, storedID != plan.id {
                throw StoreError.otherPlan(stored: storedID, given: plan.id, path: database.path)
            }
            let unitIDs = Set(plan.units.map(\.id))
            let indicatorIDs = Set(plan.indicators.map(\.id))
            var problems: [String] = []
            for (unit, count) in try database.prepare(
                "SELECT unit_id, count(*) FROM submission GROUP BY unit_id ORDER BY unit_id"
            ).rows(map: { ($0.text(0), $0.int(1)) }) where !unitIDs.contains(unit) {
                problems.append("unit '\(unit)' is gone from the plan but has \(count) stored submission(s)")
            }
            for (indicator, count) in try database.prepare(
                """
                SELECT coalesce(i.id, 'key ' || v.indicator_key), count(*)
                FROM value v LEFT JOIN indicator i ON i.key = v.indicator_key
                GROUP BY v.indicator_key ORDER BY 1
                """
            ).rows(map: { ($0.text(0), $0.int(1)) }) where !indicatorIDs.contains(indicator) {
                problems.append("indicator '\(indicator)' is gone from the plan but has \(count) stored value(s)")
            }
            if problems.isEmpty { problems = try periodProblems(under: plan) }
            if !problems.isEmpty { throw StoreError.planDropsData(problems: problems, file: file) }

            let upsertUnit = try database.prepare("""
                INSERT INTO unit(id, name, type, parent, reports, from_day, until_day, merged_into)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, parent = excluded.parent,
                    reports = excluded.reports, from_day = excluded.from_day, until_day = excluded.until_day,
                    merged_into = excluded.merged_into
                """)
            for unit in plan.units {
                try upsertUnit.run(.text(unit.id), .text(unit.name), .text(unit.type), .optional(unit.parent),
                                   .int(unit.reports ? 1 : 0), .optional(unit.from?.description),
                                   .optional(unit.until?.description), .optional(unit.mergedInto))
            }
            // A new indicator gets the next key; one already stored keeps its key.
            let upsertIndicator = try database.prepare("""
                INSERT INTO indicator(id, name, over_time) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, over_time = excluded.over_time
                """)
            for indicator in plan.indicators {
                try upsertIndicator.run(.text(indicator.id), .text(indicator.name), .text(indicator.overTime.rawValue))
            }
            // Rows no longer in the plan and never referenced can go.
            for unit in try database.prepare("SELECT id FROM unit ORDER BY id").rows(map: { $0.text(0) })
            where !unitIDs.contains(unit) {
                try database.prepare("DELETE FROM unit WHERE id = ?").run(.text(unit))
            }
            for indicator in try database.prepare("SELECT id FROM indicator ORDER BY id").rows(map: { $0.text(0) })
            where !indicatorIDs.contains(indicator) {
                try database.prepare("DELETE FROM indicator WHERE id = ?").run(.text(indicator))
            }
            try setMeta("plan_id", plan.id)
            try setMeta("plan_json", json)
            try setMeta("plan_file", file)
            return (.commit, PlanLoad(planID: plan.id, created: storedID == nil, units: plan.units.count,
                                      indicators: plan.indicators.count, targets: plan.targets.count,
                                      tasks: plan.tasks.count))
        }
    }
}
