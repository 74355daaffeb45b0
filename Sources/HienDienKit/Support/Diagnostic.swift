import Foundation

/// Where in an input a problem was found: a file with a line and column, or a JSON path.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (or a label such as `<stdin>`).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column (in characters), when known.
    public var column: Int?
    /// JSON path such as `$.units[3].parent`, when the input is JSON.
    public var path: String?
    /// A workbook cell or row such as `Sheet1!D7` or `Sheet1!7:7`, when the input is `.xlsx`.
    public var cell: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.cell = cell
    }

    /// `file:line:column`, `file: $.path` or `file:Sheet1!D7` — the form editors and terminals recognise.
    public var description: String {
        var text = file
        if let cell { return text + ":\(cell)" }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let path { text += line == nil ? ": \(path)" : " (\(path))" }
        return text
    }
}

/// One problem in a user's input: where, what rule broke, the offending text, and what to do.
///
/// Every input error in HienDienKit is a `Diagnostic`; the runner renders them in one place.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    /// A stable machine name of the rule that broke, e.g. `csv.value.negative`.
    public var code: String
    /// What is wrong, in one sentence.
    public var message: String
    /// The offending text (a cell, a token, a value), if any.
    public var offending: String?
    /// What the user should do about it.
    public var hint: String?
    /// The text of the line the problem is on, for context.
    public var lineText: String?
    /// Named details for the message catalogue (`suggestion`, `column`, `earlier`…), which words
    /// the diagnostic in each language (`DiagnosticCatalogue`).
    public var arguments: [String: String] = [:]

    public init(
        _ severity: Severity = .error, at location: SourceLocation, code: String, message: String,
        offending: String? = nil, hint: String? = nil, lineText: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.offending = offending
        self.hint = hint
        self.lineText = lineText
    }

    /// `file:3:14: error: message: 'text' [code]` followed by the hint on its own line.
    ///
    /// The offending text and the line come from the user's file: they are cut short, and
    /// control characters in them (which could clear or recolour a terminal) are shown as
    /// escapes such as `\u{1B}`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let offending { text += ": '\(Self.printable(offending, limit: 200))'" }
        text += " [\(code)]"
        if let lineText { text += "\n    | \(Self.printable(lineText, limit: 160))" }
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    /// `text` cut after `limit` characters (with `…`), its control characters but tab escaped.
    static func printable(_ text: String, limit: Int) -> String {
        var result = ""
        for (index, character) in text.enumerated() {
            if index == limit { return result + "…" }
            for scalar in character.unicodeScalars {
                if (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// An input refused with every problem found in it (capped), never only the first.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// How many further problems were found but not listed.
    public var omitted: Int

    public init(_ diagnostics: [Diagnostic], omitted: Int = 0) {
        self.diagnostics = diagnostics
        self.omitted = omitted
    }

    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    public var description: String {
        var lines = diagnostics.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more problem(s) not shown.") }
        return lines.joined(separator: "\n")
    }
}

/// Collects diagnostics up to a cap and counts the rest.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    public private(set) var omitted = 0
    public let cap: Int

    public init(cap: Int = 50) { self.cap = cap }

    public var isEmpty: Bool { items.isEmpty }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    /// True once the cap is reached: what is appended now is only counted, so nothing costly
    /// (a "did you mean" search) need be worked out for it.
    public var isFull: Bool { items.count >= cap }

    /// Counts a problem past the cap without making its diagnostic.
    public mutating func countOmitted() {
        precondition(isFull, "only a full list omits")
        omitted += 1
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        if items.count < cap { items.append(diagnostic) } else { omitted += 1 }
    }

    mutating func setLineText(_ text: String, at index: Int) {
        items[index].lineText = text
    }

    /// Throws an `InputError` holding everything collected, if anything was.
    public func throwIfAny() throws {
        if hasErrors { throw InputError(items, omitted: omitted) }
    }
}
