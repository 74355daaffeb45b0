extension ReportIngester {
    /// One unit-and-period report read from a JSON file, checked, before anything is stored.
    private struct Staged {
        var path: String
        var unit: ReportingUnit
        var period: Period
        var received: Day
        /// nil: withdrawn (`"rút"`).
        var values: [(indicator: Int, value: Int64?, path: String)]
        var tasks: [(id: String, status: TaskStatus, evidence: String?)]
        var difficulties: String?
        var proposals: String?
    }

    static let reportKeys: Set<String> = ["unit", "period", "submitted", "values", "tasks", "difficulties", "proposals"]

    /// JSON reports: one object, an array of objects, or `{"reports": [...]}`.
    func ingestJSON(path: String, file: String, options: IngestOptions) throws -> IngestSummary {
        let bytes = try FileBytes.read(path: path, label: file)
        try TextEncoding.check(bytes, fileLabel: file, code: "json.invalid-utf8", advice: .textEditor)
        let json = try JSONParser.parse(bytes, fileLabel: file)
        do {
            return try ingestJSON(json, path: path, file: file, options: options)
        } catch let error as InputError {
            // Positions cost memory; they are only worked out for a file that is refused.
            throw try JSONParser.parseDocument(bytes, fileLabel: file).located(error)
        }
    }

    private func ingestJSON(_ json: JSONValue, path: String, file: String, options: IngestOptions) throws -> IngestSummary {
        var reader = JSONReader(file: file, cap: options.maxDiagnostics)
        let objects: [(JSONValue, String)]
        switch json {
        case .array(let items): objects = items.enumerated().map { ($1, "$[\($0)]") }
        case .object where json["reports"] != nil:
            objects = reader.array(json, "reports", at: "$").enumerated().map { ($1, "$.reports[\($0)]") }
        case .object: objects = [(json, "$")]
        default:
            reader.error("$", "json.type", "expected a report object or an array of reports, found \(json.typeName)")
            objects = []
        }
        if objects.isEmpty && !reader.diagnostics.hasErrors {
            reader.error("$", "report.empty", "the file holds no report")
        }
        var staged: [Staged] = []
        for (object, objectPath) in objects {
            if let report = stage(object, at: objectPath, options: options, reader: &reader) { staged.append(report) }
        }
        var taskKeys = Set<String>()
        for report in staged {
            for task in report.tasks where !taskKeys.insert("\(report.unit.id)|\(report.period)|\(task.id)").inserted {
                reader.error("\(report.path).tasks.\(task.id)", "task.repeated",
                             "the same unit, period and task appear twice in this file", offending: task.id)
            }
        }
        try reader.diagnostics.throwIfAny()

        return try store.ingest(file: file, ingestedOn: options.today, dryRun: options.dryRun,
                                indicators: plan.indicators.map(\.id)) { writer in
            var diagnostics = DiagnosticList(cap: options.maxDiagnostics)
            var warnings = DiagnosticList(cap: options.maxDiagnostics)
            var warned = Set<String>()
            var assembler = SubmissionAssembler(indicatorCount: plan.indicators.count)
            var received: [SubmissionKey: Day] = [:]
            var tasks = 0
            for report in staged {
                let key = SubmissionKey(unit: report.unit.id, period: report.period)
                if let first = received[key], first != report.received {
                    diagnostics.append(Diagnostic(at: SourceLocation(file: file, path: "\(report.path).submitted"),
                                                  code: "report.received-conflict",
                                                  message: "\(report.unit.id) \(report.period) appears twice in this file with different dates",
                                                  offending: report.received.description,
                                                  hint: "send one report per unit and period, or split the file"))
                }
                let day = received[key] ?? report.received
                received[key] = day
                try assembler.begin(key, received: day, writer: writer)
                for value in report.values {
                    let position = SourceLocation(file: file, path: value.path)
                    if value.value == nil, !assembler.isGiven(value.indicator),
                       let warning = try withdrawsNothing(key, indicator: value.indicator, at: position, writer: writer) {
                        if warned.insert("withdraw \(key.unit) \(key.period) \(value.indicator)").inserted { warnings.append(warning) }
                        continue
                    }
                    let outcome = try assembler.add(ReportedValue(indicator: value.indicator, value: value.value,
                                                                  position: .path(value.path)), writer: writer)
                    if case .conflicting(let existing) = outcome {
                        let earlier = existing.map(String.init) ?? Self.withdrawalWord
                        let given = value.value.map(String.init) ?? Self.withdrawalWord
                        diagnostics.append(Diagnostic(at: position, code: "value.conflict",
                                                      message: "the same unit, period and indicator appear twice in this file with different values (\(earlier) and \(given))",
                                                      offending: given, hint: "keep one value").with("earlier", earlier))
                    } else if outcome == .added, value.value != nil,
                              let warning = notCounted(report.unit, indicator: value.indicator, at: position),
                              warned.insert("count \(key.unit) \(value.indicator)").inserted {
                        warnings.append(warning)
                    }
                }
                let reported = report.tasks.map { ReportedTask(task: $0.id, status: $0.status, evidence: $0.evidence,
                                                               position: SourceLocation(file: file, path: "\(report.path).tasks.\($0.id)")) }
                assembler.add(tasks: reported, difficulties: report.difficulties, proposals: report.proposals)
                tasks += reported.count
            }
            try diagnostics.throwIfAny()
            try assembler.finish(writer)
            try recordDigest(path: path, file: file, writer: writer)
            return summary(of: writer, file: file, format: "json", tasks: tasks, warnings: warnings, options: options)
        }
    }

    private func stage(_ object: JSONValue, at path: String, options: IngestOptions, reader: inout JSONReader) -> Staged? {
        guard reader.object(object, at: path) != nil else { return nil }
        if object["notes"] != nil {
            // Accepted once and never stored: say so rather than take it silently.
            reader.error("\(path).notes", "report.notes-not-stored", "a report has no \"notes\" field, so these notes would be lost",
                         offending: "notes",
                         hint: "write remarks under \"difficulties\" or \"proposals\", which the report prints")
        }
        reader.rejectUnknownKeys(object, at: path, allowed: Self.reportKeys.union(["notes"]))
        var diagnostics = reader.diagnostics
        defer { reader.diagnostics = diagnostics }
        let file = reader.file
        func location(_ key: String) -> SourceLocation { SourceLocation(file: file, path: "\(path).\(key)") }

        var unit: ReportingUnit?
        if let text = object["unit"]?.stringValue {
            unit = resolveUnit(text, at: location("unit"), lineText: nil, into: &diagnostics)
        } else {
            diagnostics.append(Diagnostic(at: location("unit"), code: "json.missing", message: "the report names no unit",
                                          hint: "add \"unit\": \"<unit id or name>\""))
        }
        var period: Period?
        if let text = object["period"]?.stringValue {
            period = resolvePeriod(text, unit: unit, at: location("period"), lineText: nil, into: &diagnostics)
        } else {
            diagnostics.append(Diagnostic(at: location("period"), code: "json.missing", message: "the report names no period",
                                          hint: "add \"period\": \"2026-Q2\""))
        }
        var submitted: Day?
        if let value = object["submitted"], value != .null {
            if let text = value.stringValue {
                submitted = resolveSubmitted(text, period: period, options: options, at: location("submitted"),
                                             lineText: nil, into: &diagnostics)
            } else {
                diagnostics.append(Diagnostic(at: location("submitted"), code: "json.type",
                                              message: "expected a date string, found \(value.typeName)"))
            }
        }

        var values: [(Int, Int64?, String)] = []
        if let valuesJSON = object["values"], valuesJSON != .null {
            if let members = valuesJSON.objectValue {
                for member in members {
                    let valuePath = "\(path).values.\(member.key)"
                    let here = SourceLocation(file: file, path: valuePath)
                    guard let indicator = resolveIndicator(member.key).flatMap({ indicatorIndex[$0] }) else {
                        diagnostics.append(unknownIndicator(member.key, at: here, lineText: nil))
                        continue
                    }
                    if case .number(let literal) = member.value, literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                        // A JSON number's '.' is a decimal point: 1.250 is 1.25, never 1250.
                        diagnostics.append(Diagnostic(at: here, code: CountParser.Reason.decimal.code,
                                                      message: "\(CountParser.Reason.decimal.summary) (in a JSON number '.' is a decimal point)",
                                                      offending: literal,
                                                      hint: "write the count without a point (1250), or as text (\"1.250\") to group thousands"))
                        continue
                    }
                    switch member.value {
                    case .null: continue  // not reported
                    case .number(let literal), .string(let literal):
                        switch CountParser.parse(literal) {
                        case .empty: continue
                        case .value(let count): values.append((indicator, count, valuePath))
                        case .invalid where Self.isWithdrawal(literal) && member.value.stringValue != nil:
                            values.append((indicator, nil, valuePath))  // "rút": withdrawn
                        case .invalid(let reason):
                            diagnostics.append(Diagnostic(at: here, code: reason.code, message: reason.summary,
                                                          offending: literal, hint: "values are whole, non-negative counts; leave it out or null when not reported"))
                        }
                    default:
                        diagnostics.append(Diagnostic(at: here, code: "json.type",
                                                      message: "expected a count, found \(member.value.typeName)"))
                    }
                }
            } else {
                diagnostics.append(Diagnostic(at: location("values"), code: "json.type",
                                              message: "expected an object of indicator: count, found \(valuesJSON.typeName)"))
            }
        }

        var tasks: [(String, TaskStatus, String?)] = []
        if let tasksJSON = object["tasks"], tasksJSON != .null {
            if let members = tasksJSON.objectValue {
                for member in members {
                    let here = "\(path).tasks.\(member.key)"
                    if let unit, let problem = notTheLead(unit, member.key, at: SourceLocation(file: file, path: here)) {
                        diagnostics.append(problem)
                        continue
                    }
                    guard taskIDs.contains(member.key) else {
                        let suggestion = EditDistance.closest(to: member.key, among: plan.tasks.map(\.id),
                                                              limit: EditDistance.typoLimit(for: member.key))
                        diagnostics.append(Diagnostic(at: SourceLocation(file: file, path: here), code: "task.unknown",
                                                      message: "no task in the plan's appendix has this id", offending: member.key,
                                                      hint: suggestion.map { "did you mean '\($0)'?" } ?? "use the task ids of the plan's appendix"))
                        continue
                    }
                    let statusText: String?
                    var evidence: String?
                    if let text = member.value.stringValue {
                        statusText = text
                    } else if member.value.objectValue != nil {
                        statusText = member.value["status"]?.stringValue
                        evidence = member.value["evidence"]?.stringValue
                        if let value = member.value["evidence"], value != .null, value.stringValue == nil {
                            diagnostics.append(Diagnostic(at: SourceLocation(file: file, path: "\(here).evidence"), code: "json.type",
                                                          message: "expected text, found \(value.typeName)",
                                                          hint: "write the evidence as text in quotes: \"Quyết định số 12/QĐ-UBND\""))
                        }
                        if let problem = nulInText(evidence, at: SourceLocation(file: file, path: "\(here).evidence"), lineText: nil) {
                            diagnostics.append(problem)
                        }
                        for unknown in member.value.objectValue ?? [] where !["status", "evidence"].contains(unknown.key) {
                            let suggestion = EditDistance.closest(to: unknown.key, among: ["evidence", "status"],
                                                                  limit: EditDistance.typoLimit(for: unknown.key))
                            diagnostics.append(Diagnostic(at: SourceLocation(file: file, path: "\(here).\(unknown.key)"),
                                                          code: "json.unknown-key", message: "unknown field", offending: unknown.key,
                                                          hint: suggestion.map { "did you mean '\($0)'?" } ?? "a task takes \"status\" and \"evidence\""))
                        }
                    } else {
                        statusText = nil
                    }
                    guard let statusText, let status = TaskStatus(rawValue: statusText.trimmingWhitespace()) else {
                        diagnostics.append(Diagnostic(at: SourceLocation(file: file, path: "\(here).status"), code: "task.status",
                                                      message: "not a task status", offending: member.value["status"]?.stringValue,
                                                      hint: "use \"done\", \"in_progress\" or \"not_started\""))
                        continue
                    }
                    tasks.append((member.key, status, evidence.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }))
                }
            } else {
                diagnostics.append(Diagnostic(at: location("tasks"), code: "json.type",
                                              message: "expected an object of task id: {status, evidence}, found \(tasksJSON.typeName)"))
            }
        }

        func narrative(_ key: String) -> String? {
            guard let value = object[key], value != .null else { return nil }
            if let text = value.stringValue { return text.trimmingWhitespace().isEmpty ? nil : text }
            if let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) {
                let joined = items.compactMap(\.stringValue).joined(separator: "\n")
                return joined.isEmpty ? nil : joined
            }
            diagnostics.append(Diagnostic(at: location(key), code: "json.type",
                                          message: "expected text or a list of texts, found \(value.typeName)"))
            return nil
        }
        let difficulties = narrative("difficulties")
        let proposals = narrative("proposals")
        for (key, text) in [("difficulties", difficulties), ("proposals", proposals)] {
            if let problem = nulInText(text, at: location(key), lineText: nil) { diagnostics.append(problem) }
        }
        if submitted == nil, let period,
           let problem = receivedOptionProblem(period, options: options, at: location("period"), lineText: nil) {
            diagnostics.append(problem)
        }

        guard let unit, let period else { return nil }
        return Staged(path: path, unit: unit, period: period, received: receivedDay(submitted, options: options),
                      values: values, tasks: tasks, difficulties: difficulties, proposals: proposals)
    }
}
