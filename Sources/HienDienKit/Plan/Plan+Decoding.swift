extension Plan {
    /// Decodes and validates a plan from a parsed JSON document, reporting every problem
    /// at once with its JSON path (`$.targets[2].deadline: deadline outside the plan`).
    public static func decode(_ json: JSONValue, file: String) throws -> Plan {
        var reader = JSONReader(file: file)
        let plan = decode(json, reader: &reader)
        if let plan, !reader.diagnostics.hasErrors {
            plan.validate(into: &reader)
        }
        try reader.diagnostics.throwIfAny()
        guard let plan else {
            throw InputError(Diagnostic(at: SourceLocation(file: file), code: "plan.invalid", message: "not a plan"))
        }
        return plan
    }

    /// Reads and decodes a plan file.
    public static func load(path: String, label: String? = nil) throws -> Plan {
        let file = label ?? path
        let bytes = try FileBytes.read(path: path, label: file)
        let json = try JSONParser.parse(bytes, fileLabel: file)
        do {
            return try decode(json, file: file)
        } catch let error as InputError {
            // Positions cost memory; they are only worked out for a plan that is refused.
            throw try JSONParser.parseDocument(bytes, fileLabel: file).located(error)
        }
    }

    static let planKeys: Set<String> = [
        "id", "title", "source", "note", "issuer", "coordinator", "place", "start", "end", "issued", "reporting",
        "document", "units", "indicators", "targets", "tasks", "ranking", "commendation",
    ]

    private static func decode(_ json: JSONValue, reader: inout JSONReader) -> Plan? {
        guard reader.object(json, at: "$") != nil else { return nil }
        reader.rejectUnknownKeys(json, at: "$", allowed: planKeys)
        let id = reader.string(json, "id", at: "$")
        let title = reader.string(json, "title", at: "$")
        let issuer = reader.string(json, "issuer", at: "$", required: false)
        let coordinator = reader.string(json, "coordinator", at: "$")
        let place = reader.string(json, "place", at: "$", required: false)
        let start = reader.day(json, "start", at: "$")
        let end = reader.day(json, "end", at: "$")
        let issued = reader.assumedDay(json, "issued", at: "$")
        let reporting = decodeReporting(json["reporting"], reader: &reader)
        let units = reader.array(json, "units", at: "$").enumerated().compactMap {
            decodeUnit($1, at: "$.units[\($0)]", reader: &reader)
        }
        let body = units.first { $0.id == coordinator }?.name ?? "Sở Khoa học và Công nghệ"
        let document = decodeDocument(json["document"], reader: &reader, issuer: issuer, place: place, body: body)
        let indicators = reader.array(json, "indicators", at: "$").enumerated().compactMap {
            decodeIndicator($1, at: "$.indicators[\($0)]", reader: &reader)
        }
        let targets = (json["targets"] == nil ? [] : reader.array(json, "targets", at: "$")).enumerated().compactMap {
            decodeTarget($1, at: "$.targets[\($0)]", reader: &reader)
        }
        let tasks = (json["tasks"] == nil ? [] : reader.array(json, "tasks", at: "$")).enumerated().compactMap {
            decodeTask($1, at: "$.tasks[\($0)]", reader: &reader)
        }
        let ranking = decodeRanking(json["ranking"], reader: &reader)
        let commendation = decodeCommendation(json["commendation"], reader: &reader)
        let note = reader.note(json, at: "$")
        guard let id, let title, let coordinator, let start, let end, let first = document.issuers.first else { return nil }
        var plan = Plan(id: id, title: title, source: reader.string(json, "source", at: "$", required: false),
                        note: note, issuer: issuer ?? first.authority ?? first.body,
                        coordinator: coordinator, place: place ?? first.place, start: start, end: end, reporting: reporting,
                        document: document, units: units, indicators: indicators, targets: targets, tasks: tasks)
        plan.issued = issued?.0
        plan.issuedAssumed = issued?.1
        plan.ranking = ranking
        plan.commendation = commendation
        return plan
    }

    private static func decodeReporting(_ json: JSONValue?, reader: inout JSONReader) -> ReportingRule {
        let path = "$.reporting"
        guard let json else {
            reader.error(path, "json.missing", "required field is missing",
                         hint: #"e.g. "reporting": {"window": "decree-09", "quarterly_before_day": 20, "annual_before": "12-15"}"#)
            return ReportingRule()
        }
        guard reader.object(json, at: path) != nil else { return ReportingRule() }
        reader.rejectUnknownKeys(json, at: path, allowed: ["window", "quarterly_before_day", "annual_before"])
        var rule = ReportingRule()
        if let window = reader.string(json, "window", at: path) {
            if let parsed = ReportingRule.WindowRule(rawValue: window) { rule.window = parsed } else {
                reader.error("\(path).window", "plan.window", "unknown window rule", offending: window,
                             hint: "use \"decree-09\" (15th of the previous month to the 14th) or \"calendar\"")
            }
        }
        if let day = reader.integer(json, "quarterly_before_day", at: path) {
            if (1...28).contains(day) { rule.quarterlyBeforeDay = day } else {
                reader.error("\(path).quarterly_before_day", "plan.due-day", "must be a day from 1 to 28",
                             offending: String(day))
            }
        }
        if let text = reader.string(json, "annual_before", at: path) {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, (1...12).contains(parts[0]), (1...Day.daysIn(month: parts[0], year: 2025)).contains(parts[1]) {
                rule.annualBeforeMonth = parts[0]
                rule.annualBeforeDay = parts[1]
            } else {
                reader.error("\(path).annual_before", "plan.due-day", "expected MM-DD", offending: text,
                             hint: "\"before 15/12\" is written \"12-15\"")
            }
        }
        return rule
    }

    static let unitKeys: Set<String> = ([
        "id", "name", "type", "parent", "aliases", "reports", "from", "until", "merged_into", "note", "via", "informed",
        "reference",
    ] as Set<String>).union(JSONReader.assumptionKeys)

    private static func decodeUnit(_ json: JSONValue, at path: String, reader: inout JSONReader) -> ReportingUnit? {
        guard reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: unitKeys)
        let id = reader.string(json, "id", at: path)
        let name = reader.string(json, "name", at: path)
        let type = reader.string(json, "type", at: path)
        var unit = ReportingUnit(id: id ?? "", name: name ?? "", type: type ?? "",
                        parent: reader.string(json, "parent", at: path, required: false),
                        aliases: reader.strings(json, "aliases", at: path) ?? [],
                        reports: reader.bool(json, "reports", at: path) ?? true,
                        from: reader.day(json, "from", at: path, required: false),
                        until: reader.day(json, "until", at: path, required: false),
                        mergedInto: reader.string(json, "merged_into", at: path, required: false))
        unit.via = reader.string(json, "via", at: path, required: false)
        unit.informed = reader.bool(json, "informed", at: path) ?? false
        unit.reference = decodeReference(json, at: path, reader: &reader)
        unit.note = reader.note(json, at: path)
        unit.assumed = reader.assumption(json, at: path)
        guard id != nil, name != nil, type != nil else { return nil }
        return unit
    }

    private static func decodeIndicator(_ json: JSONValue, at path: String, reader: inout JSONReader) -> Indicator? {
        guard reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: Set(["id", "name", "unit", "over_time", "sources", "note", "rates"]).union(JSONReader.assumptionKeys))
        let id = reader.string(json, "id", at: path)
        let name = reader.string(json, "name", at: path)
        var overTime: Indicator.OverTime?
        if let text = reader.string(json, "over_time", at: path) {
            overTime = Indicator.OverTime(rawValue: text)
            if overTime == nil {
                reader.error("\(path).over_time", "plan.over-time", "must be \"sum\" or \"last\"", offending: text,
                             hint: "\"sum\" for flows (new registrations this quarter), \"last\" for stocks (enterprises in scope)")
            }
        }
        let sources = reader.strings(json, "sources", at: path).map(Set.init)
        let rates = (reader.strings(json, "rates", at: path) ?? []).enumerated().compactMap {
            decodeRate($1, at: "\(path).rates[\($0)]", reader: &reader)
        }
        let note = reader.note(json, at: path)
        let assumed = reader.assumption(json, at: path)
        guard let id, let name, let overTime else { return nil }
        var indicator = Indicator(id: id, name: name, unit: reader.string(json, "unit", at: path, required: false) ?? "",
                                  overTime: overTime, sources: sources)
        indicator.rates = rates
        indicator.note = note
        indicator.assumed = assumed
        return indicator
    }

    static let targetKeys: Set<String> = ([
        "id", "name", "kind", "numerator", "denominator", "indicator", "indicators", "unit_type", "goal",
        "goal_high", "baseline", "deadline", "per_unit", "note", "recurs", "goals", "unit_types",
    ] as Set<String>).union(JSONReader.assumptionKeys)

    private static func decodeTarget(_ json: JSONValue, at path: String, reader: inout JSONReader) -> Target? {
        guard reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: targetKeys)
        let id = reader.string(json, "id", at: path)
        let kindName = reader.string(json, "kind", at: path)
        var kind: Target.Kind?
        switch kindName {
        case "ratio":
            let numerator = reader.string(json, "numerator", at: path)
            let denominator = reader.string(json, "denominator", at: path)
            if let numerator, let denominator { kind = .ratio(numerator: numerator, denominator: denominator) }
        case "count":
            let single = reader.string(json, "indicator", at: path, required: false)
            let several = reader.strings(json, "indicators", at: path)
            switch (single, several) {
            case let (one?, nil): kind = .count(indicators: [one])
            case let (nil, many?) where !many.isEmpty: kind = .count(indicators: many)
            case (.some, .some):
                reader.error(path, "plan.target", "a count target takes either \"indicator\" or \"indicators\", not both")
            default:
                reader.error("\(path).indicator", "json.missing", "a count target needs \"indicator\" or \"indicators\"")
            }
        case "coverage":
            let indicator = reader.string(json, "indicator", at: path)
            let unitType = reader.string(json, "unit_type", at: path)
            if let indicator, let unitType { kind = .coverage(indicator: indicator, unitType: unitType) }
        case nil:
            break
        case let other?:
            reader.error("\(path).kind", "plan.target-kind", "unknown target kind", offending: other,
                         hint: "use \"ratio\", \"count\" or \"coverage\"")
        }
        let recurs = reader.string(json, "recurs", at: path, required: false)
        if let recurs, recurs != "yearly" {
            reader.error("\(path).recurs", "plan.target-recurs", "a target recurs only \"yearly\"", offending: recurs)
        }
        let goals = decodeGoals(json, at: path, reader: &reader)
        if !goals.isEmpty && recurs != "yearly" {
            reader.error("\(path).goals", "plan.target-recurs", "\"goals\" (a goal per year) goes with \"recurs\": \"yearly\"")
        }
        let goal = reader.number(json, "goal", at: path, required: true)
        let deadline = reader.day(json, "deadline", at: path)
        let baseline = decodeBaseline(json, at: path, reader: &reader)
        let note = reader.note(json, at: path)
        let assumed = reader.assumption(json, at: path)
        guard let id, let kind, let goal, let deadline else { return nil }
        var target = Target(id: id, name: reader.string(json, "name", at: path, required: false) ?? id, kind: kind,
                            goal: goal, goalHigh: reader.number(json, "goal_high", at: path),
                            baseline: baseline.value, deadline: deadline,
                            perUnit: reader.bool(json, "per_unit", at: path) ?? false, note: note)
        target.recursYearly = recurs == "yearly"
        target.goals = goals
        target.baselineDate = baseline.date
        target.baselineFromFirstReport = baseline.firstReport
        target.unitTypes = reader.strings(json, "unit_types", at: path) ?? []
        target.assumed = assumed
        return target
    }

    static let taskKeys: Set<String> = ([
        "id", "title", "lead", "partners", "due", "recurs", "month", "timeframe", "output", "quota", "note",
        "quota_count",
    ] as Set<String>).union(JSONReader.assumptionKeys)

    private static func decodeTask(_ json: JSONValue, at path: String, reader: inout JSONReader) -> PlanTask? {
        guard reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: taskKeys)
        let id = reader.string(json, "id", at: path)
        let title = reader.string(json, "title", at: path)
        let lead = reader.strings(json, "lead", at: path)
        if lead == nil { reader.error("\(path).lead", "json.missing", "required field is missing") }
        if lead?.isEmpty == true { reader.error("\(path).lead", "plan.task-lead", "a task needs at least one lead unit") }
        let due = reader.string(json, "due", at: path, required: false)
        let recurs = reader.string(json, "recurs", at: path, required: false)
        let month = reader.integer(json, "month", at: path)
        var schedule: PlanTask.Schedule?
        switch (due, recurs) {
        case let (due?, nil):
            let parts = due.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) {
                schedule = .due(year: year, month: m)
            } else {
                reader.error("\(path).due", "plan.task-due", "expected a month as YYYY-MM", offending: due,
                             hint: "\"Tháng 3/2026\" is written \"2026-03\"")
            }
        case let (nil, recurs?):
            switch recurs {
            case "quarterly": schedule = .quarterly
            case "yearly": schedule = .yearly(month: month)
            case "ongoing": schedule = .ongoing
            default:
                reader.error("\(path).recurs", "plan.task-recurs", "unknown recurrence", offending: recurs,
                             hint: "use \"quarterly\" (hàng quý), \"yearly\" (hàng năm) or \"ongoing\" (thường xuyên)")
            }
        case (.some, .some):
            reader.error(path, "plan.task-schedule", "a task has either \"due\" or \"recurs\", not both")
        case (nil, nil):
            reader.error("\(path).due", "json.missing", "a task needs \"due\" (YYYY-MM) or \"recurs\"")
        }
        if let month, !(1...12).contains(month) {
            reader.error("\(path).month", "plan.task-month", "must be a month from 1 to 12", offending: String(month))
        }
        if month != nil, recurs != "yearly" {
            reader.error("\(path).month", "plan.task-month", "\"month\" only goes with \"recurs\": \"yearly\"")
        }
        let quotaCount = reader.integer(json, "quota_count", at: path)
        if let quotaCount, quotaCount < 1 {
            reader.error("\(path).quota_count", "plan.task-quota", "a quota is a count of at least 1", offending: String(quotaCount))
        }
        let note = reader.note(json, at: path)
        let assumed = reader.assumption(json, at: path)
        guard let id, let title, let lead, !lead.isEmpty, let schedule else { return nil }
        var task = PlanTask(id: id, title: title, lead: lead, partners: reader.strings(json, "partners", at: path) ?? [],
                        schedule: schedule, timeframe: reader.string(json, "timeframe", at: path, required: false),
                        output: reader.string(json, "output", at: path, required: false),
                        quota: reader.string(json, "quota", at: path, required: false))
        task.quotaCount = quotaCount
        task.note = note
        task.assumed = assumed
        return task
    }
}
