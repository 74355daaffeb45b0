import Foundation

/// A report text with `{{tags}}`, parsed once and rendered many times.
///
/// The tags are a subset of Mustache: `{{name}}`, `{{{name}}}` and `{{& name}}`, dotted
/// names, `{{.}}`, sections `{{#name}}…{{/name}}`, inverted sections `{{^name}}…{{/name}}`,
/// comments `{{! … }}` and partials `{{> name}}`. Unlike Mustache, a name that is not in
/// the data is an error naming the template's file, line, column and tag, unless the tag
/// marks it optional with a trailing `?` (`{{#note?}}`, `{{^difficulties?}}`).
///
/// A line that holds only section, close, comment or partial tags and whitespace renders
/// as nothing at all, line break included, so tags can sit on lines of their own between
/// the rows of a Markdown table.
public struct Template: Sendable {
    /// The name partials and libraries know it by, such as `report.md`.
    public let name: String
    /// The file named in diagnostics, such as `Templates/report.md.mustache`.
    public let file: String
    /// The parsed template: text and tags, sections holding their bodies.
    let tokens: [Token]
    /// The source's lines without their line breaks, for the `lineText` of diagnostics.
    let lines: [String]

    /// Parses `source`; throws an `InputError` listing every problem found, each with its
    /// line and column.
    ///
    /// - Parameters:
    ///   - name: The template's name, as `{{> name}}` would include it.
    ///   - source: The template text.
    ///   - file: The file named in diagnostics; `<name>.mustache` when nil.
    public init(name: String, source: String, file: String? = nil) throws {
        self.name = name
        self.file = file ?? "\(name).\(TemplateLibrary.fileExtension)"
        lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isTemplateLineBreak)
            .map(String.init)
        var parser = Parser(source: source, file: self.file, lines: lines)
        tokens = try parser.parse()
    }
}

// MARK: - Tokens

extension Template {
    /// Where a tag is in its template: 1-based line and column (in characters), and the
    /// tag's text as written, such as `{{#targets}}`.
    struct Site: Hashable, Sendable {
        var line: Int
        var column: Int
        var text: String
    }

    /// A name in a tag: `.` (the current item) or dotted parts, maybe optional.
    struct Name: Hashable, Sendable {
        /// The dotted parts; empty for `.`.
        var path: [String]
        /// Marked with a trailing `?`: absent from the data means `.null`, not an error.
        var isOptional: Bool

        /// The name as written, without the `?`.
        var dotted: String { path.isEmpty ? "." : path.joined(separator: ".") }
    }

    /// One piece of a parsed template.
    indirect enum Token: Sendable {
        /// Literal text, line breaks included.
        case text(String)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
        case variable(Name, escaped: Bool, Site)
        /// `{{#name}}body{{/name}}` or, inverted, `{{^name}}body{{/name}}`.
        case section(Name, inverted: Bool, body: [Token], Site)
        /// `{{> name}}`; `indentation` is the whitespace before a tag alone on its line,
        /// put before every line the partial renders.
        case partial(String, indentation: String?, Site)
    }

    /// A diagnostic at a tag of a template, with the tag as the offending text.
    static func diagnostic(
        file: String, lines: [String], at site: Site, code: String, message: String, hint: String?
    ) -> Diagnostic {
        Diagnostic(
            at: SourceLocation(file: file, line: site.line, column: site.column),
            code: code, message: message, offending: site.text, hint: hint,
            lineText: lines.indices.contains(site.line - 1) ? lines[site.line - 1] : nil)
    }

    /// A diagnostic at a tag of this template.
    func diagnostic(at site: Site, code: String, message: String, hint: String?) -> Diagnostic {
        Template.diagnostic(file: file, lines: lines, at: site, code: code, message: message, hint: hint)
    }
}

extension Character {
    /// A line break as templates count lines: `\n` or `\r\n` (a single `Character` in Swift).
    var isTemplateLineBreak: Bool { self == "\n" || self == "\r\n" }
}
