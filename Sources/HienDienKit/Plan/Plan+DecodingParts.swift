/// Decoding of the plan file's later additions: notes (public or internal), assumptions, dated
/// issuers, reference figures, ranking and commendation (docs/PLAN_FORMAT.md).
extension JSONReader {
    /// Keys every object of a plan file may carry.
    static let assumptionKeys: Set<String> = ["assumed", "assumed_reason"]

    /// `"note": "…"` (internal) or `"note": { "text": "…", "public": true }`.
    mutating func note(_ object: JSONValue, at path: String, key: String = "note") -> PlanNote? {
        guard let value = object[key], value != .null else { return nil }
        if let text = value.stringValue { return PlanNote(text: text) }
        let notePath = "\(path).\(key)"
        guard value.objectValue != nil else {
            error(notePath, "json.type", "expected a string or { \"text\": …, \"public\": true }, found \(value.typeName)")
            return nil
        }
        rejectUnknownKeys(value, at: notePath, allowed: ["text", "public"])
        guard let text = string(value, "text", at: notePath) else { return nil }
        return PlanNote(text: text, isPublic: bool(value, "public", at: notePath) ?? false)
    }

    /// `"assumed": { "reason": "…" }`, or `"assumed": true` with `"assumed_reason": "…"`.
    mutating func assumption(_ object: JSONValue, at path: String) -> Assumption? {
        let reasonBeside = string(object, "assumed_reason", at: path, required: false)
        guard let value = object["assumed"], value != .null else {
            if reasonBeside != nil {
                error("\(path).assumed_reason", "plan.assumed", "\"assumed_reason\" goes with \"assumed\": true")
            }
            return nil
        }
        if let flag = value.boolValue {
            guard flag else { return nil }
            guard let reason = reasonBeside, !reason.trimmingWhitespace().isEmpty else {
                error("\(path).assumed", "plan.assumed", "an assumption needs its reason",
                      hint: #"write "assumed": { "reason": "the seed gives no day" }"#)
                return nil
            }
            return Assumption(reason: reason)
        }
        guard value.objectValue != nil else {
            error("\(path).assumed", "json.type", "expected { \"reason\": … } or true, found \(value.typeName)")
            return nil
        }
        rejectUnknownKeys(value, at: "\(path).assumed", allowed: ["reason"])
        return string(value, "reason", at: "\(path).assumed").map(Assumption.init(reason:))
    }

    /// A day written as `"YYYY-MM-DD"` or `{ "date": "YYYY-MM-DD", "assumed": { "reason": … } }`.
    mutating func assumedDay(_ object: JSONValue, _ key: String, at path: String) -> (Day, Assumption?)? {
        guard let value = object[key], value != .null else { return nil }
        if value.stringValue != nil { return day(object, key, at: path).map { ($0, nil) } }
        let dayPath = "\(path).\(key)"
        guard value.objectValue != nil else {
            error(dayPath, "json.type", "expected a date or { \"date\": …, \"assumed\": … }, found \(value.typeName)")
            return nil
        }
        rejectUnknownKeys(value, at: dayPath, allowed: Set(["date"]).union(Self.assumptionKeys))
        guard let date = day(value, "date", at: dayPath) else { return nil }
        return (date, assumption(value, at: dayPath))
    }
}

extension Plan {
    static let documentKeys: Set<String> = [
        "number", "report_title", "signer_title", "signer_name", "recipients", "issuers",
    ]
    static let issuerKeys: Set<String> = ([
        "from", "authority", "body", "place", "number", "area", "submitted_to", "via", "recipients",
        "signer_title", "signer_name", "note",
    ] as Set<String>).union(JSONReader.assumptionKeys)

    /// `document`, with its dated issuers. Without `issuers`, the flat fields and the plan's
    /// `issuer`/`place` make the one issuer (older plan files).
    static func decodeDocument(_ json: JSONValue?, reader: inout JSONReader, issuer: String?, place: String?,
                               body: String) -> DocumentInfo {
        var info = DocumentInfo()
        let path = "$.document"
        if let json, reader.object(json, at: path) != nil {
            reader.rejectUnknownKeys(json, at: path, allowed: documentKeys)
            if let number = reader.string(json, "number", at: path, required: false) { info.number = number }
            info.reportTitle = reader.string(json, "report_title", at: path, required: false)
            if let title = reader.strings(json, "signer_title", at: path) { info.signerTitle = title }
            if let name = reader.string(json, "signer_name", at: path, required: false) { info.signerName = name }
            if let recipients = reader.strings(json, "recipients", at: path) { info.recipients = recipients }
            if json["issuers"] != nil {
                info.issuers = reader.array(json, "issuers", at: path).enumerated().compactMap {
                    decodeIssuer($1, at: "\(path).issuers[\($0)]", reader: &reader, flat: info)
                }
                if info.issuers.isEmpty {
                    reader.error("\(path).issuers", "plan.issuers", "the list of issuers is empty",
                                 hint: "leave \"issuers\" out, or give at least one")
                }
                for flat in ["number", "signer_title", "signer_name", "recipients"] where json[flat] != nil {
                    reader.error("\(path).\(flat)", "plan.issuers",
                                 "\"\(flat)\" belongs in each entry of \"issuers\" once they are given")
                }
            }
        }
        if info.issuers.isEmpty {
            guard let issuer, let place else {
                if issuer == nil { reader.error("$.issuer", "json.missing", "required field is missing",
                                                hint: "or give \"document\": { \"issuers\": [ … ] }") }
                if place == nil { reader.error("$.place", "json.missing", "required field is missing",
                                               hint: "or give \"document\": { \"issuers\": [ … ] }") }
                return info
            }
            info.issuers = [ReportIssuer(authority: issuer, body: body, place: place, number: info.number,
                                         recipients: info.recipients, signerTitle: info.signerTitle,
                                         signerName: info.signerName)]
        } else if let first = info.issuers.first {
            // The flat fields mirror the first issuer, for readers that do not date them.
            info.number = first.number
            info.signerTitle = first.signerTitle
            info.signerName = first.signerName
            info.recipients = first.recipients
        }
        return info
    }

    private static func decodeIssuer(_ json: JSONValue, at path: String, reader: inout JSONReader,
                                     flat: DocumentInfo) -> ReportIssuer? {
        guard reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: issuerKeys)
        _ = reader.note(json, at: path)
        let body = reader.string(json, "body", at: path)
        let place = reader.string(json, "place", at: path)
        let number = reader.string(json, "number", at: path)
        let issuer = ReportIssuer(
            from: reader.day(json, "from", at: path, required: false),
            authority: reader.string(json, "authority", at: path, required: false),
            body: body ?? "", place: place ?? "", number: number ?? flat.number,
            area: reader.string(json, "area", at: path, required: false),
            submittedTo: reader.strings(json, "submitted_to", at: path) ?? [],
            via: reader.string(json, "via", at: path, required: false),
            recipients: reader.strings(json, "recipients", at: path) ?? flat.recipients,
            signerTitle: reader.strings(json, "signer_title", at: path) ?? flat.signerTitle,
            signerName: reader.string(json, "signer_name", at: path, required: false) ?? "",
            assumed: reader.assumption(json, at: path))
        guard body != nil, place != nil, number != nil else { return nil }
        return issuer
    }

    /// A unit's `reference`: `{ "population": { "value": 12345, "date": "2024-12-31", "source": "…" }, … }`.
    static func decodeReference(_ json: JSONValue, at path: String, reader: inout JSONReader) -> [ReferenceFigure] {
        guard let value = json["reference"], value != .null else { return [] }
        let refPath = "\(path).reference"
        guard let members = reader.object(value, at: refPath) else { return [] }
        var figures: [ReferenceFigure] = []
        for (key, entry) in members {
            let entryPath = "\(refPath).\(key)"
            guard let kind = ReferenceKind(rawValue: key) else {
                reader.error(entryPath, "plan.reference-kind", "unknown reference figure", offending: key,
                             hint: "use " + ReferenceKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                continue
            }
            guard reader.object(entry, at: entryPath) != nil else { continue }
            reader.rejectUnknownKeys(entry, at: entryPath, allowed: Set(["value", "date", "source", "note"]).union(JSONReader.assumptionKeys))
            _ = reader.note(entry, at: entryPath)
            let number = reader.integer(entry, "value", at: entryPath)
            if number == nil && entry["value"] == nil {
                reader.error("\(entryPath).value", "json.missing", "required field is missing")
            }
            let date = reader.day(entry, "date", at: entryPath)
            let source = reader.string(entry, "source", at: entryPath)
            if let number, number <= 0 {
                reader.error("\(entryPath).value", "plan.reference-value", "a reference figure is a positive whole number",
                             offending: String(number))
                continue
            }
            guard let number, let date, let source else { continue }
            figures.append(ReferenceFigure(kind: kind, value: Int64(number), date: date, source: source,
                                           assumed: reader.assumption(entry, at: entryPath)))
        }
        return figures
    }

    /// `"rates": ["per_1000_people", …]` on an indicator, or `"rate"` on a ranking.
    static func decodeRate(_ text: String?, at path: String, reader: inout JSONReader) -> Rate? {
        guard let text else { return nil }
        guard let rate = Rate(rawValue: text) else {
            reader.error(path, "plan.rate", "unknown rate", offending: text,
                         hint: "use " + Rate.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
            return nil
        }
        return rate
    }

    static func decodeRanking(_ json: JSONValue?, reader: inout JSONReader) -> RankingRule? {
        let path = "$.ranking"
        guard let json, json != .null, reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: ["by", "label", "unit_types", "rate", "note"])
        _ = reader.note(json, at: path)
        let by = reader.string(json, "by", at: path)
        let label = reader.string(json, "label", at: path)
        let rate = decodeRate(reader.string(json, "rate", at: path, required: false), at: "\(path).rate", reader: &reader)
        guard let by, let label else { return nil }
        return RankingRule(by: by, label: label, unitTypes: reader.strings(json, "unit_types", at: path) ?? [], rate: rate)
    }

    static func decodeCommendation(_ json: JSONValue?, reader: inout JSONReader) -> CommendationRule? {
        let path = "$.commendation"
        guard let json, json != .null, reader.object(json, at: path) != nil else { return nil }
        reader.rejectUnknownKeys(json, at: path, allowed: ["criteria", "basis", "note"])
        _ = reader.note(json, at: path)
        let criteria = reader.strings(json, "criteria", at: path)
        if criteria == nil { reader.error("\(path).criteria", "json.missing", "required field is missing") }
        if criteria?.isEmpty == true {
            reader.error("\(path).criteria", "plan.commendation", "commendation needs at least one criterion (a target id)")
        }
        let basis = reader.string(json, "basis", at: path)
        guard let criteria, !criteria.isEmpty, let basis else { return nil }
        return CommendationRule(criteria: criteria, basis: basis)
    }
}

extension Plan {
    /// `"goals": { "2026": 1.0, "2027": 1.0 }` of a yearly target.
    static func decodeGoals(_ json: JSONValue, at path: String, reader: inout JSONReader) -> [Int: Double] {
        guard let value = json["goals"], value != .null else { return [:] }
        guard let members = reader.object(value, at: "\(path).goals") else { return [:] }
        var goals: [Int: Double] = [:]
        for (key, _) in members {
            guard key.count == 4, let year = Int(key) else {
                reader.error("\(path).goals.\(key)", "plan.target-goals", "goals are keyed by year", offending: key,
                             hint: #"e.g. "goals": { "2026": 1.0, "2027": 1.0 }"#)
                continue
            }
            if let goal = reader.number(value, key, at: "\(path).goals", required: true) { goals[year] = goal }
        }
        return goals
    }

    /// `"baseline": 0.12`, `{ "value": 0.12, "date": "2025-12-31" }` or `"first_report"`.
    static func decodeBaseline(_ json: JSONValue, at path: String,
                               reader: inout JSONReader) -> (value: Double, date: Day?, firstReport: Bool) {
        guard let value = json["baseline"], value != .null else { return (0, nil, false) }
        let basePath = "\(path).baseline"
        if let text = value.stringValue {
            if text == "first_report" { return (0, nil, true) }
            reader.error(basePath, "plan.baseline", "unknown baseline", offending: text,
                         hint: #"a number, { "value": …, "date": "YYYY-MM-DD" } or "first_report""#)
            return (0, nil, false)
        }
        if value.objectValue != nil {
            reader.rejectUnknownKeys(value, at: basePath, allowed: ["value", "date", "source"])
            let number = reader.number(value, "value", at: basePath, required: true)
            let date = reader.day(value, "date", at: basePath)
            _ = reader.string(value, "source", at: basePath, required: false)
            return (number ?? 0, date, false)
        }
        return (reader.number(json, "baseline", at: path) ?? 0, nil, false)
    }
}
