/// What a diagnostic says, in one language: what is wrong, and what to do.
public struct Wording: Sendable, Hashable {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// The words of one diagnostic code in both languages. Each is worked out from the diagnostic
/// itself (its offending text and `arguments`), so a message can name what the site found.
public struct DiagnosticText: Sendable {
    public let vietnamese: @Sendable (Diagnostic) -> Wording
    public let english: @Sendable (Diagnostic) -> Wording

    /// `vi` and `en` for the code; `en` defaults to the English sentence written where the
    /// diagnostic is made (`Diagnostic.message` and `hint`), which is the English source.
    public init(vi: @escaping @Sendable (Diagnostic) -> Wording,
                en: @escaping @Sendable (Diagnostic) -> Wording = DiagnosticText.site) {
        self.vietnamese = vi
        self.english = en
    }

    /// A Vietnamese sentence and hint that need nothing from the diagnostic.
    public init(vi message: String, hint: String? = nil) {
        self.init(vi: { _ in Wording(message, hint: hint) })
    }

    /// The diagnostic's own English sentence and hint.
    public static let site: @Sendable (Diagnostic) -> Wording = { Wording($0.message, hint: $0.hint) }
}

/// The one table of diagnostic codes (`value.decimal`, `csv.header-missing`, …) and their words.
///
/// To add a code: add an entry to `entries` in the file for its subsystem
/// (`DiagnosticCatalogue+Input.swift`, `+Plan.swift`, `+Output.swift`); `MessageCatalogueTests`
/// fails for any code written in `Sources/` that has no entry, and for any Vietnamese text
/// written without its diacritics.
public enum DiagnosticCatalogue {
    /// Every code with its words.
    public static let entries: [String: DiagnosticText] = input
        .merging(plan, uniquingKeysWith: { a, _ in a })
        .merging(output, uniquingKeysWith: { a, _ in a })

    /// The words of `diagnostic` in `language`; a code missing from the table keeps its own English.
    public static func wording(of diagnostic: Diagnostic, in language: Language) -> Wording {
        guard let entry = entries[diagnostic.code] else { return DiagnosticText.site(diagnostic) }
        switch language {
        case .vietnamese: return entry.vietnamese(diagnostic)
        case .english: return entry.english(diagnostic)
        }
    }
}

extension Diagnostic {
    /// A named detail the catalogue may put in its words (`suggestion`, `column`, `earlier`…).
    public func argument(_ name: String) -> String? { arguments[name] }

    /// This diagnostic with one more named detail.
    public func with(_ name: String, _ value: String?) -> Diagnostic {
        var copy = self
        if let value { copy.arguments[name] = value }
        return copy
    }

    /// `file:3:14: lỗi: message: 'text' [code]`, the line, and what to do, in `language`.
    public func rendered(in language: Language) -> String {
        let words = DiagnosticCatalogue.wording(of: self, in: language)
        let severityWord = (severity == .error ? Message.error : Message.warning).rendered(in: language)
        var text = "\(location.rendered(in: language)): \(severityWord): \(words.message)"
        if let offending { text += ": '\(Self.printable(offending, limit: 200))'" }
        text += " [\(code)]"
        if let lineText { text += "\n    | \(Self.printable(lineText, limit: 160))" }
        if let hint = words.hint { text += "\n    \(Message.hint.rendered(in: language)): \(hint)" }
        return text
    }
}

extension SourceLocation {
    /// `file:line:column` in English; in Vietnamese the same with the words spelled out:
    /// `tệp.csv, dòng 3, cột 14` or `tệp.json, mục $.values.x`.
    public func rendered(in language: Language) -> String {
        guard language == .vietnamese else { return description }
        var text = file
        if let line {
            text += ", dòng \(line)"
            if let column { text += ", cột \(column)" }
        }
        if let path { text += ", mục \(path)" }
        return text
    }
}

extension InputError {
    /// Every diagnostic in `language`, and how many more were not listed.
    public func rendered(in language: Language) -> String {
        var lines = diagnostics.map { $0.rendered(in: language) }
        if omitted > 0 { lines.append(Message.moreProblemsNotShown(omitted).rendered(in: language)) }
        return lines.joined(separator: "\n")
    }
}
