/// Reads typed fields out of a parsed JSON document, collecting a diagnostic with the JSON
/// path for every problem instead of stopping at the first (used by the plan and report
/// decoders).
struct JSONReader {
    let file: String
    var diagnostics: DiagnosticList

    init(file: String, cap: Int = 100) {
        self.file = file
        self.diagnostics = DiagnosticList(cap: cap)
    }

    mutating func error(_ path: String, _ code: String, _ message: String, offending: String? = nil,
                        hint: String? = nil) {
        diagnostics.append(Diagnostic(at: SourceLocation(file: file, path: path), code: code,
                                      message: message, offending: offending, hint: hint))
    }

    /// The members of an object, or nil (with an error) when the value is not an object.
    mutating func object(_ value: JSONValue, at path: String) -> [(key: String, value: JSONValue)]? {
        guard let members = value.objectValue else {
            error(path, "json.type", "expected an object, found \(value.typeName)")
            return nil
        }
        return members
    }

    /// Reports members not in `allowed` (a misspelt key would otherwise be silently ignored).
    mutating func rejectUnknownKeys(_ value: JSONValue, at path: String, allowed: Set<String>) {
        guard let members = value.objectValue else { return }
        for member in members where !allowed.contains(member.key) {
            let suggestion = EditDistance.closest(to: member.key, among: allowed.sorted(), limit: EditDistance.typoLimit(for: member.key))
            error("\(path).\(member.key)", "json.unknown-key", "unknown field",
                  offending: member.key,
                  hint: suggestion.map { "did you mean '\($0)'?" } ?? "known fields: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    mutating func string(_ object: JSONValue, _ key: String, at path: String, required: Bool = true) -> String? {
        guard let value = object[key], value != .null else {
            if required { error("\(path).\(key)", "json.missing", "required field is missing") }
            return nil
        }
        guard let text = value.stringValue else {
            error("\(path).\(key)", "json.type", "expected a string, found \(value.typeName)")
            return nil
        }
        if required && text.trimmingWhitespace().isEmpty {
            error("\(path).\(key)", "json.empty", "must not be empty")
            return nil
        }
        return text
    }

    mutating func bool(_ object: JSONValue, _ key: String, at path: String) -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        guard let flag = value.boolValue else {
            error("\(path).\(key)", "json.type", "expected true or false, found \(value.typeName)")
            return nil
        }
        return flag
    }

    mutating func number(_ object: JSONValue, _ key: String, at path: String, required: Bool = false) -> Double? {
        guard let value = object[key], value != .null else {
            if required { error("\(path).\(key)", "json.missing", "required field is missing") }
            return nil
        }
        guard let number = value.doubleValue, number.isFinite else {
            error("\(path).\(key)", "json.type", "expected a number, found \(value.typeName)",
                  offending: value.stringValue)
            return nil
        }
        return number
    }

    mutating func integer(_ object: JSONValue, _ key: String, at path: String) -> Int? {
        guard let number = number(object, key, at: path) else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else {
            error("\(path).\(key)", "json.type", "expected a whole number", offending: String(number))
            return nil
        }
        return Int(number)
    }

    mutating func strings(_ object: JSONValue, _ key: String, at path: String) -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        guard let items = value.arrayValue else {
            error("\(path).\(key)", "json.type", "expected an array of strings, found \(value.typeName)")
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if let text = item.stringValue { result.append(text) } else {
                error("\(path).\(key)[\(index)]", "json.type", "expected a string, found \(item.typeName)")
            }
        }
        return result
    }

    mutating func day(_ object: JSONValue, _ key: String, at path: String, required: Bool = true) -> Day? {
        guard let text = string(object, key, at: path, required: required) else { return nil }
        guard let day = Day(parsing: text) else {
            error("\(path).\(key)", "json.date", "not a valid date", offending: text,
                  hint: "write dates as YYYY-MM-DD, e.g. 2026-03-31")
            return nil
        }
        return day
    }

    mutating func array(_ object: JSONValue, _ key: String, at path: String) -> [JSONValue] {
        guard let value = object[key], value != .null else {
            error("\(path).\(key)", "json.missing", "required field is missing")
            return []
        }
        guard let items = value.arrayValue else {
            error("\(path).\(key)", "json.type", "expected an array, found \(value.typeName)")
            return []
        }
        return items
    }
}
