import Foundation

extension Template {
    /// Renders the template with `context` as the outermost value.
    ///
    /// Throws an `InputError` listing every name not found in the data (except optional
    /// ones), every value of the wrong kind and every partial that can't be had, each at
    /// its tag's file, line and column.
    ///
    /// - Parameters:
    ///   - context: The data; its names are looked up from the innermost section outwards.
    ///   - escaping: How `{{name}}` values are made safe for the output.
    ///   - partials: The templates `{{> name}}` includes, by name.
    public func rendered(
        _ context: TemplateValue, escaping: TemplateEscaping, partials: [String: Template] = [:]
    ) throws -> String {
        try rendered(context, escaping: escaping, resolvingPartials: { partials[$0] })
    }

    /// Renders with partials found by `resolve`, which returns nil for a partial that does
    /// not exist and throws when one exists but can't be read or parsed.
    func rendered(
        _ context: TemplateValue, escaping: TemplateEscaping,
        resolvingPartials resolve: @escaping (String) throws -> Template?
    ) throws -> String {
        var renderer = Renderer(escaping: escaping, resolve: resolve, stack: [context])
        renderer.render(tokens, of: self, depth: 0)
        guard renderer.diagnostics.isEmpty else {
            throw InputError(renderer.diagnostics.items, omitted: renderer.diagnostics.omitted)
        }
        return renderer.output
    }
}

// MARK: - Renderer

/// Renders tokens into one output buffer, collecting problems instead of stopping at the
/// first, so a template's author sees every misspelt name at once.
struct Renderer {
    /// How deep partials may include partials, so that one including itself stops.
    static let maximumPartialDepth = 32

    let escaping: TemplateEscaping
    let resolve: (String) throws -> Template?
    /// The context stack: the outermost value first, the current item last.
    var stack: [TemplateValue]
    var output = ""
    /// The whitespace before each line, from the standalone partial tags being rendered.
    var indentation = ""
    /// The next text written starts a line that must get `indentation` first.
    var isIndentationPending = false
    var diagnostics = DiagnosticList()
    /// Where and what was reported, so a tag inside a section is reported once, not once
    /// per item.
    var reported: Set<String> = []
    /// Set when partials nest too deep: rendering stops at once, since each further level
    /// of a runaway recursion could multiply the work.
    var isAborted = false

    init(escaping: TemplateEscaping, resolve: @escaping (String) throws -> Template?, stack: [TemplateValue]) {
        self.escaping = escaping
        self.resolve = resolve
        self.stack = stack
        output.reserveCapacity(16 * 1024)
    }

    mutating func render(_ tokens: [Template.Token], of template: Template, depth: Int) {
        for token in tokens {
            if isAborted { return }
            switch token {
            case .text(let text):
                writeText(text)
            case .variable(let name, let escaped, let site):
                guard let value = lookUp(name, at: site, in: template) else { continue }
                show(value, escaped: escaped, name: name, at: site, in: template)
            case .section(let name, let inverted, let body, let site):
                guard let value = lookUp(name, at: site, in: template) else { continue }
                if inverted {
                    if !value.isTruthy { render(body, of: template, depth: depth) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(body, of: template, depth: depth)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    render(body, of: template, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let partialIndentation, let site):
                include(name, indentation: partialIndentation, at: site, from: template, depth: depth)
            }
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if reported.insert("\(diagnostic.location) \(diagnostic.code)").inserted { diagnostics.append(diagnostic) }
    }

    // MARK: - Names

    /// The value of `name`: the first part from the innermost object that has it, the
    /// other parts inside that value. Nil when a problem was reported.
    mutating func lookUp(_ name: Template.Name, at site: Template.Site, in template: Template) -> TemplateValue? {
        guard let first = name.path.first else { return stack.last ?? .null }
        let found = stack.reversed().lazy.compactMap { frame -> TemplateValue? in
            if case .object(let fields) = frame { return fields[first] }
            return nil
        }.first
        guard var value = found else {
            if name.isOptional { return .null }
            let names = Set(stack.flatMap { frame -> [String] in
                if case .object(let fields) = frame { return Array(fields.keys) }
                return []
            })
            report(template.diagnostic(
                at: site, code: "template.missing-key", message: "no value named '\(first)' in the data",
                hint: Renderer.hint(for: first, among: names, name: name)))
            return nil
        }
        var walked = first
        for part in name.path.dropFirst() {
            guard case .object(let fields) = value else {
                if value == .null && name.isOptional { return .null }
                report(template.diagnostic(
                    at: site, code: "template.wrong-kind",
                    message: "'\(walked)' is \(value.kindDescription), so it has no '\(part)'",
                    hint: "only an object has named values; check the name against the data"))
                return nil
            }
            guard let next = fields[part] else {
                if name.isOptional { return .null }
                report(template.diagnostic(
                    at: site, code: "template.missing-key", message: "'\(walked)' has no value named '\(part)'",
                    hint: Renderer.hint(for: part, among: Set(fields.keys), name: name)))
                return nil
            }
            value = next
            walked += "." + part
        }
        return value
    }

    /// Suggests the nearest name (a typo) or lists the names there are, and says how to
    /// mark a name the data may leave out.
    static func hint(for missing: String, among names: Set<String>, name: Template.Name) -> String {
        let optional = "if the data may leave it out, write '\(name.dotted)?' in the tag"
        let nearest = names.map { ($0, editDistance($0, missing)) }
            .filter { $0.1 <= max(1, missing.count / 3) }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }
        if let nearest { return "did you mean '\(nearest.0)'? \(optional)" }
        guard !names.isEmpty else { return "the data here has no named values; \(optional)" }
        let sorted = names.sorted()
        let listed = sorted.prefix(12).joined(separator: ", ") + (sorted.count > 12 ? ", …" : "")
        return "names here: \(listed); \(optional)"
    }

    /// Levenshtein distance in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: - Writing

    /// Shows a variable's value: text escaped (unless `escaped` is false), markup as it
    /// is, null as nothing; a yes/no value, a list or an object is an error.
    mutating func show(
        _ value: TemplateValue, escaped: Bool, name: Template.Name, at site: Template.Site, in template: Template
    ) {
        switch value {
        case .string(let text):
            writeValue(text, escaped: escaped)
        case .raw(let markup):
            writeValue(markup, escaped: false)
        case .null:
            break
        case .bool, .list, .object:
            report(template.diagnostic(
                at: site, code: "template.wrong-kind",
                message: "'\(name.dotted)' is \(value.kindDescription) and cannot be shown as text",
                hint: "use it as a section: '{{#\(name.dotted)}}…{{/\(name.dotted)}}'"))
        }
    }

    mutating func writeText(_ text: String) {
        guard !indentation.isEmpty else {
            output += text
            return
        }
        var lineStart = text.startIndex
        for index in text.indices where text[index].isTemplateLineBreak {
            writeIndented(text[lineStart...index])
            lineStart = text.index(after: index)
        }
        if lineStart < text.endIndex { writeIndented(text[lineStart...]) }
    }

    /// Writes a piece of one line, indenting it if it starts a line that has content.
    mutating func writeIndented(_ piece: Substring) {
        guard let first = piece.first else { return }
        if isIndentationPending && !first.isTemplateLineBreak { output += indentation }
        output += piece
        isIndentationPending = piece.last?.isTemplateLineBreak ?? false
    }

    mutating func writeValue(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        if isIndentationPending {
            output += indentation
            isIndentationPending = false
        }
        if escaped {
            escaping.escape(text, into: &output)
        } else {
            output += text
        }
    }

    // MARK: - Partials

    mutating func include(
        _ name: String, indentation partialIndentation: String?, at site: Template.Site, from template: Template,
        depth: Int
    ) {
        guard depth < Renderer.maximumPartialDepth else {
            report(template.diagnostic(
                at: site, code: "template.partial-depth",
                message: "partials are nested more than \(Renderer.maximumPartialDepth) deep",
                hint: "'\(name)' probably includes itself without end; "
                    + "include it only inside a section whose data ends"))
            isAborted = true
            return
        }
        let partial: Template?
        do {
            partial = try resolve(name)
        } catch let error as InputError {
            error.diagnostics.forEach { report($0) }
            return
        } catch {
            report(template.diagnostic(
                at: site, code: "template.unreadable-partial", message: "partial '\(name)' could not be read: \(error)",
                hint: "check that the file '\(name).\(TemplateLibrary.fileExtension)' is readable"))
            return
        }
        guard let partial else {
            report(template.diagnostic(
                at: site, code: "template.missing-partial", message: "no partial named '\(name)'",
                hint: "put it in the file '\(name).\(TemplateLibrary.fileExtension)' beside the other templates"))
            return
        }
        let outerIndentation = indentation
        if let partialIndentation {
            indentation += partialIndentation
            isIndentationPending = true
        }
        render(partial.tokens, of: partial, depth: depth + 1)
        indentation = outerIndentation
    }
}

// MARK: - Escaping

/// How `{{name}}` values are made safe for an output; `{{{name}}}`, `{{& name}}` and
/// `.raw` values are never escaped.
public enum TemplateEscaping: Hashable, Sendable {
    /// `& < > " '` become character references: text never becomes markup.
    case html
    /// Text shows as written in a Markdown viewer, in a paragraph or a table cell:
    /// line breaks become one space; a backslash, `|`, `*`, `[`, a backquote and `~` get a
    /// backslash, and `_` too unless it is inside a word; `<` and `>` become `&lt;` and
    /// `&gt;` (no HTML), and `&` before something like a character reference `&amp;`; at
    /// the start of a line (or after a list or quote marker) a leading `#`, `-`, `+`, `=`
    /// or `1.` gets a backslash so that it makes no heading or list.
    case markdown
    /// Values as they are (plain text outputs).
    case none

    /// The escaping for a template named after its output: `….html` or `….htm` is HTML,
    /// `….md` or `….markdown` is Markdown, anything else none.
    public init(forTemplateNamed name: String) {
        switch name.split(separator: ".").last?.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        default: self = .none
        }
    }

    /// `text` made safe for this output; `atLineStart` says whether it starts a line
    /// (which matters for Markdown only).
    public func escaped(_ text: String, atLineStart: Bool = false) -> String {
        var output = ""
        escape(text, into: &output, atLineStart: atLineStart)
        return output
    }

    /// Appends `text`, escaped, to `output`, judging from `output` whether it starts a line.
    func escape(_ text: String, into output: inout String) {
        escape(text, into: &output, atLineStart: self == .markdown && TemplateEscaping.isAtBlockStart(output))
    }

    func escape(_ text: String, into output: inout String, atLineStart: Bool) {
        switch self {
        case .none:
            output += text
        case .html:
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                case "'": output += "&#39;"
                default: output.unicodeScalars.append(scalar)
                }
            }
        case .markdown:
            TemplateEscaping.escapeMarkdown(text, into: &output, atLineStart: atLineStart)
        }
    }

    static func escapeMarkdown(_ text: String, into output: inout String, atLineStart: Bool) {
        let scalars = Array(collapsingLineBreaks(text).unicodeScalars)
        var index = 0
        // A block marker at the start of the value, where the value starts a line.
        var escapedMarkerIndex: Int?
        if atLineStart {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" {
                output.unicodeScalars.append(scalars[index])
                index += 1
            }
            var digitsEnd = index
            while digitsEnd < scalars.count, digitsEnd - index < 10, ("0"..."9").contains(scalars[digitsEnd]) {
                digitsEnd += 1
            }
            if index < scalars.count, "#-+=".unicodeScalars.contains(scalars[index]) {
                escapedMarkerIndex = index
            } else if digitsEnd > index, digitsEnd < scalars.count, scalars[digitsEnd] == "." || scalars[digitsEnd] == ")" {
                escapedMarkerIndex = digitsEnd
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\", "|", "*", "[", "`", "~":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "_":
                let isInsideWord = index > 0 && index + 1 < scalars.count
                    && isWordScalar(scalars[index - 1]) && isWordScalar(scalars[index + 1])
                output += isInsideWord ? "_" : "\\_"
            case "<":
                output += "&lt;"
            case ">":
                output += "&gt;"
            case "&":
                output += startsCharacterReference(scalars, at: index) ? "&amp;" : "&"
            default:
                if index == escapedMarkerIndex { output += "\\" }
                output.unicodeScalars.append(scalar)
            }
            index += 1
        }
    }

    /// Every run of whitespace holding a line break becomes one space (none at the ends).
    static func collapsingLineBreaks(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        var result = ""
        var isBreakPending = false
        for char in text {
            if char.isNewline {
                isBreakPending = true
                while result.last == " " || result.last == "\t" { result.removeLast() }
            } else if isBreakPending && (char == " " || char == "\t") {
                continue
            } else {
                if isBreakPending && !result.isEmpty { result += " " }
                isBreakPending = false
                result.append(char)
            }
        }
        return result
    }

    /// Whether text written now would start a Markdown block: the line so far holds only
    /// whitespace and list or quote markers.
    static func isAtBlockStart(_ output: String) -> Bool {
        for byte in output.utf8.reversed() {
            switch byte {
            case UInt8(ascii: "\n"): return true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"),
                UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            default: return false
            }
        }
        return true
    }

    /// A letter, digit or combining mark: `_` between two of these never makes emphasis.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            true
        default:
            false
        }
    }

    /// Whether `&` at `index` starts something a Markdown viewer would read as a
    /// character reference: `&name;`, `&#123;` or `&#x1F;`.
    static func startsCharacterReference(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index + 1
        if position < scalars.count, scalars[position] == "#" { position += 1 }
        let start = position
        while position < scalars.count, position - start <= 32, scalars[position].isASCII,
            scalars[position].properties.isAlphabetic || ("0"..."9").contains(scalars[position])
        {
            position += 1
        }
        return position > start && position < scalars.count && scalars[position] == ";"
    }
}
