import Foundation

// Parsing runs in three passes over the source:
// 1. `lex` cuts it into text, line breaks and tags, checking each tag on its own;
// 2. `removingStandaloneLines` drops the lines that hold only section, close, comment or
//    partial tags, as Mustache specifies;
// 3. `build` nests sections, checking that each is closed by its own name.
// Every problem is collected with its line and column; the template is refused with all
// of them at the end.

extension Template {
    /// What a tag does, from the character after `{{`.
    enum TagKind: Equatable {
        case variable(escaped: Bool)
        case section
        case inverted
        case close
        case comment
        case partial

        /// Whether a line holding only tags of this kind and whitespace is removed.
        var canStandAlone: Bool {
            if case .variable = self { return false }
            return true
        }

        /// How the tag is called in messages.
        var noun: String {
            switch self {
            case .variable: "variable tag"
            case .section: "section tag"
            case .inverted: "inverted section tag"
            case .close: "close tag"
            case .comment: "comment"
            case .partial: "partial tag"
            }
        }
    }

    /// A tag as lexed, before sections are nested.
    struct RawTag {
        var kind: TagKind
        /// The name of a variable, section, inverted section or close tag.
        var name: Name?
        /// The template name of a partial tag.
        var partial: String?
        var site: Site
        /// For a partial alone on its line: the whitespace before it.
        var indentation: String?
    }

    /// A piece of the source as lexed.
    enum Piece {
        /// Text without line breaks.
        case text(String)
        case lineBreak(String)
        case tag(RawTag)
    }

    struct Parser {
        let chars: [Character]
        let file: String
        let lines: [String]
        var diagnostics = DiagnosticList()

        init(source: String, file: String, lines: [String]) {
            chars = Array(source)
            self.file = file
            self.lines = lines
        }

        /// The template's tokens, or an `InputError` with every problem, in source order.
        mutating func parse() throws -> [Token] {
            let pieces = Parser.removingStandaloneLines(lex())
            let tokens = build(pieces)
            guard diagnostics.isEmpty else {
                let sorted = diagnostics.items.sorted {
                    ($0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.line ?? 0, $1.location.column ?? 0)
                }
                throw InputError(sorted, omitted: diagnostics.omitted)
            }
            return tokens
        }

        mutating func report(_ site: Site, _ code: String, _ message: String, hint: String?) {
            diagnostics.append(
                Template.diagnostic(file: file, lines: lines, at: site, code: code, message: message, hint: hint))
        }

        // MARK: - Lexing

        mutating func lex() -> [Piece] {
            var pieces: [Piece] = []
            var text = ""
            var index = 0
            var line = 1
            var column = 1
            while index < chars.count {
                let char = chars[index]
                if char.isTemplateLineBreak {
                    if !text.isEmpty { pieces.append(.text(text)) }
                    text = ""
                    pieces.append(.lineBreak(String(char)))
                    index += 1
                    line += 1
                    column = 1
                } else if char == "{", startsTag(at: index) {
                    if !text.isEmpty { pieces.append(.text(text)) }
                    text = ""
                    let scanned = scanTag(at: index, line: line, column: column)
                    if let tag = scanned.tag { pieces.append(.tag(tag)) }
                    index = scanned.end
                    line = scanned.line
                    column = scanned.column
                } else {
                    text.append(char)
                    index += 1
                    column += 1
                }
            }
            if !text.isEmpty { pieces.append(.text(text)) }
            return pieces
        }

        func startsTag(at index: Int) -> Bool {
            index + 1 < chars.count && chars[index] == "{" && chars[index + 1] == "{"
        }

        /// Reads the tag whose `{{` is at `start`; returns it (nil when it is broken or a
        /// comment's text is not needed) and where lexing goes on.
        mutating func scanTag(at start: Int, line: Int, column: Int) -> (tag: RawTag?, end: Int, line: Int, column: Int) {
            let isTriple = start + 2 < chars.count && chars[start + 2] == "{"
            let contentStart = start + (isTriple ? 3 : 2)
            let closer = isTriple ? "}}}" : "}}"
            let isComment = !isTriple && chars[contentStart...].first(where: { $0 != " " && $0 != "\t" }) == "!"

            // Find the closing braces. A tag other than a comment stays on one line and
            // holds no `{{`, so a missing `}}` is caught where it happens.
            var index = contentStart
            var endLine = line
            var endColumn = column + (contentStart - start)
            var closed = false
            while index < chars.count {
                if matches(closer, at: index) {
                    closed = true
                    break
                }
                if !isComment && (chars[index].isTemplateLineBreak || startsTag(at: index)) { break }
                if chars[index].isTemplateLineBreak {
                    endLine += 1
                    endColumn = 1
                } else {
                    endColumn += 1
                }
                index += 1
            }
            guard closed else {
                let written = String(chars[start..<index].prefix { !$0.isTemplateLineBreak })
                let shown = written.count > 40 ? String(written.prefix(40)) + "…" : written
                let site = Site(line: line, column: column, text: shown)
                if isComment {
                    report(site, "template.unclosed-tag", "comment is not closed", hint: "end the comment with '}}'")
                } else {
                    report(
                        site, "template.unclosed-tag", "tag is not closed",
                        hint: "end the tag with '\(closer)' on the same line")
                }
                return (nil, index, endLine, endColumn)
            }
            let end = index + closer.count
            let site = Site(line: line, column: column, text: String(chars[start..<end]))
            let content = String(chars[contentStart..<index])
            return (classify(content, isTriple: isTriple, site: site), end, endLine, endColumn + closer.count)
        }

        func matches(_ text: String, at index: Int) -> Bool {
            var position = index
            for char in text {
                guard position < chars.count, chars[position] == char else { return false }
                position += 1
            }
            return true
        }

        /// Turns a tag's content (between the braces) into a tag, or reports why it can't.
        mutating func classify(_ content: String, isTriple: Bool, site: Site) -> RawTag? {
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            let kind: TagKind
            var nameText = trimmed
            if isTriple {
                kind = .variable(escaped: false)
            } else {
                switch trimmed.first {
                case nil:
                    report(
                        site, "template.empty-tag", "tag is empty",
                        hint: "write a name between the braces, such as '{{unit_name}}'")
                    return nil
                case "!": return RawTag(kind: .comment, site: site)
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "&": kind = .variable(escaped: false)
                case let first? where first == "." || first.isTemplateNameCharacter:
                    kind = .variable(escaped: true)
                case let sigil?:
                    report(site, "template.unknown-sigil", "unknown kind of tag '\(sigil)'", hint: Parser.hint(forSigil: sigil))
                    return nil
                }
                if kind != .variable(escaped: true) {
                    nameText = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
            }
            guard !nameText.isEmpty else {
                let example =
                    switch kind {
                    case .variable: isTriple ? "{{{chart}}}" : "{{& chart}}"
                    case .section: "{{#targets}}"
                    case .inverted: "{{^targets}}"
                    case .close: "{{/targets}}"
                    case .comment, .partial: "{{> header.html}}"
                    }
                report(site, "template.empty-tag", "\(kind.noun) has no name", hint: "write a name in it, such as '\(example)'")
                return nil
            }
            if kind == .partial {
                guard TemplateLibrary.isValidName(nameText) else {
                    report(
                        site, "template.invalid-template-name", "'\(nameText)' is not a template name",
                        hint: TemplateLibrary.nameRule)
                    return nil
                }
                return RawTag(kind: .partial, partial: nameText, site: site)
            }
            guard let name = Parser.name(nameText) else {
                report(
                    site, "template.invalid-name", "'\(nameText)' is not a valid name",
                    hint: "a name is letters, digits, '_' and '-', in parts joined by single dots "
                        + "('unit.name'), maybe with a trailing '?' when the data may leave it out; "
                        + "'.' is the current item")
                return nil
            }
            return RawTag(kind: kind, name: name, site: site)
        }

        /// `.`, or dotted parts of letters, digits, `_` and `-`, with an optional `?`.
        static func name(_ text: String) -> Name? {
            var body = Substring(text)
            let isOptional = body.last == "?"
            if isOptional { body = body.dropLast() }
            if body == "." { return isOptional ? nil : Name(path: [], isOptional: false) }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isTemplateNameCharacter) }) else { return nil }
            return Name(path: parts.map(String.init), isOptional: isOptional)
        }

        static func hint(forSigil sigil: Character) -> String {
            switch sigil {
            case "=":
                "changing the delimiters is not supported: tags are always '{{ }}'; "
                    + "to show '{{' in a report, pass it in a value"
            case "<", "$":
                "template inheritance is not supported; include a partial with '{{> name}}'"
            default:
                "a tag is a name, or one of '#', '^', '/', '!', '>', '&' followed by a name"
            }
        }

        // MARK: - Standalone lines

        /// Removes each line that holds tags that render nothing (sections, closes,
        /// comments, partials) and only whitespace besides, with its line break; a partial
        /// on such a line keeps the line's leading whitespace as its indentation.
        static func removingStandaloneLines(_ pieces: [Piece]) -> [Piece] {
            var result: [Piece] = []
            result.reserveCapacity(pieces.count)
            var lineStart = 0
            while lineStart < pieces.count {
                var lineEnd = lineStart
                while lineEnd < pieces.count {
                    if case .lineBreak = pieces[lineEnd] { break }
                    lineEnd += 1
                }
                let line = pieces[lineStart..<lineEnd]
                let next = lineEnd < pieces.count ? lineEnd + 1 : lineEnd
                if isStandalone(line) {
                    var indentation = ""
                    if case .text(let leading)? = line.first { indentation = leading }
                    for case .tag(var tag) in line {
                        if tag.kind == .partial { tag.indentation = indentation }
                        result.append(.tag(tag))
                    }
                } else {
                    result.append(contentsOf: pieces[lineStart..<next])
                }
                lineStart = next
            }
            return result
        }

        static func isStandalone(_ line: ArraySlice<Piece>) -> Bool {
            var hasTag = false
            for piece in line {
                switch piece {
                case .text(let text):
                    guard text.allSatisfy({ $0 == " " || $0 == "\t" }) else { return false }
                case .tag(let tag):
                    guard tag.kind.canStandAlone else { return false }
                    hasTag = true
                case .lineBreak:
                    return false
                }
            }
            return hasTag
        }

        // MARK: - Nesting

        /// Nests sections; reports a close tag that doesn't match and sections left open.
        /// After the first close tag out of place the nesting means nothing, so the rest
        /// of the close tags are not checked.
        mutating func build(_ pieces: [Piece]) -> [Token] {
            struct Level {
                var open: RawTag?
                var tokens: [Token] = []
                var text = ""

                mutating func flush() {
                    if !text.isEmpty { tokens.append(.text(text)) }
                    text = ""
                }
            }
            var levels = [Level(open: nil)]
            var isBroken = false
            for piece in pieces {
                switch piece {
                case .text(let text), .lineBreak(let text):
                    levels[levels.count - 1].text += text
                case .tag(let tag):
                    levels[levels.count - 1].flush()
                    switch tag.kind {
                    case .comment:
                        break
                    case .variable(let escaped):
                        if let name = tag.name {
                            levels[levels.count - 1].tokens.append(.variable(name, escaped: escaped, tag.site))
                        }
                    case .partial:
                        if let partial = tag.partial {
                            levels[levels.count - 1].tokens.append(
                                .partial(partial, indentation: tag.indentation, tag.site))
                        }
                    case .section, .inverted:
                        levels.append(Level(open: tag))
                    case .close:
                        guard !isBroken, let closing = tag.name else { continue }
                        guard let open = levels.last?.open, let name = open.name else {
                            report(
                                tag.site, "template.unopened-close", "close tag has no open section",
                                hint: "remove it, or open the section before it with '{{#\(closing.dotted)}}'")
                            isBroken = true
                            continue
                        }
                        guard name.path == closing.path else {
                            report(
                                tag.site, "template.mismatched-close",
                                "section '\(name.dotted)' opened at line \(open.site.line) is closed by another tag",
                                hint: "close it with '{{/\(name.dotted)}}'; sections close in the reverse order they open")
                            isBroken = true
                            continue
                        }
                        let level = levels.removeLast()
                        levels[levels.count - 1].tokens.append(
                            .section(name, inverted: open.kind == .inverted, body: level.tokens, open.site))
                    }
                }
            }
            levels[levels.count - 1].flush()
            if !isBroken {
                for level in levels.dropFirst() {
                    guard let open = level.open, let name = open.name else { continue }
                    report(
                        open.site, "template.unclosed-section", "section '\(name.dotted)' is never closed",
                        hint: "add '{{/\(name.dotted)}}' where the section ends")
                }
            }
            return levels[0].tokens
        }
    }
}

extension Character {
    /// A character of a name part: a letter, a digit, `_` or `-`.
    var isTemplateNameCharacter: Bool { isLetter || isNumber || self == "_" || self == "-" }
}
