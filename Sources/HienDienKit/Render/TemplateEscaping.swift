/// How `{{name}}` values are made safe for an output; `{{{name}}}`, `{{& name}}` and
/// `.raw` values are never escaped.
///
/// Escaping works on the value's UTF-8 bytes: every character it changes is ASCII, and no
/// byte of a longer UTF-8 sequence is ASCII, so the bytes are those that escaping scalar by
/// scalar gave.
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
        var output: [UInt8] = []
        escape(text, into: &output, atLineStart: atLineStart)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text`, escaped, to `sink`, judging from what it holds whether it starts a line.
    func escape(_ text: String, into sink: inout TemplateSink) {
        let atLineStart = self == .markdown && sink.isAtBlockStart
        escape(text, into: &sink.bytes, atLineStart: atLineStart)
    }

    func escape(_ text: String, into output: inout [UInt8], atLineStart: Bool) {
        switch self {
        case .none:
            output.append(contentsOf: text.utf8)
        case .html:
            TemplateEscaping.escapeHTML(text, into: &output)
        case .markdown:
            TemplateEscaping.escapeMarkdown(text, into: &output, atLineStart: atLineStart)
        }
    }

    // MARK: - HTML

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)

    static func escapeHTML(_ text: String, into output: inout [UInt8]) {
        let bytes = text.utf8.span
        var start = 0
        for index in bytes.indices {
            let replacement: [UInt8]
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = ampersand
            case UInt8(ascii: "<"): replacement = lessThan
            case UInt8(ascii: ">"): replacement = greaterThan
            case UInt8(ascii: "\""): replacement = quote
            case UInt8(ascii: "'"): replacement = apostrophe
            default: continue
            }
            output.append(contentsOf: text.utf8.run(start..<index))
            output.append(contentsOf: replacement)
            start = index + 1
        }
        output.append(contentsOf: text.utf8.run(start..<bytes.count))
    }

    // MARK: - Markdown

    static func escapeMarkdown(_ text: String, into output: inout [UInt8], atLineStart: Bool) {
        // Line breaks are rare in values: they are collapsed by characters, as before, and the
        // result escaped by bytes.
        let collapsed = containsLineBreak(text.utf8.span) ? collapsingLineBreaks(text) : text
        escapeMarkdownLine(collapsed, into: &output, atLineStart: atLineStart)
    }

    private static let lineStartMarkers: Set<UInt8> = Set("#-+=".utf8)

    /// Escapes `text`, which holds no line break, for Markdown.
    static func escapeMarkdownLine(_ text: String, into output: inout [UInt8], atLineStart: Bool) {
        let bytes = text.utf8.span
        let count = bytes.count
        var index = 0
        // A block marker at the start of the value, where the value starts a line (all ASCII,
        // so byte and scalar positions agree up to it).
        var escapedMarkerIndex = -1
        if atLineStart {
            while index < count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            var digitsEnd = index
            while digitsEnd < count, digitsEnd - index < 10, isDigit(bytes[digitsEnd]) { digitsEnd += 1 }
            if index < count, lineStartMarkers.contains(bytes[index]) {
                escapedMarkerIndex = index
            } else if digitsEnd > index, digitsEnd < count,
                bytes[digitsEnd] == UInt8(ascii: ".") || bytes[digitsEnd] == UInt8(ascii: ")") {
                escapedMarkerIndex = digitsEnd
            }
        }
        var start = 0
        func copyRun(to end: Int) {
            if end > start { output.append(contentsOf: text.utf8.run(start..<end)) }
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "`"),
                UInt8(ascii: "~"):
                copyRun(to: index)
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
                start = index + 1
            case UInt8(ascii: "_"):
                let isInsideWord = index > 0 && index + 1 < count
                    && isWordScalar(scalar(in: bytes, endingBefore: index)) && isWordScalar(scalar(in: bytes, at: index + 1))
                if !isInsideWord {
                    copyRun(to: index)
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                    start = index + 1
                }
            case UInt8(ascii: "<"):
                copyRun(to: index)
                output.append(contentsOf: lessThan)
                start = index + 1
            case UInt8(ascii: ">"):
                copyRun(to: index)
                output.append(contentsOf: greaterThan)
                start = index + 1
            case UInt8(ascii: "&"):
                if startsCharacterReference(bytes, at: index) {
                    copyRun(to: index)
                    output.append(contentsOf: ampersand)
                    start = index + 1
                }
            default:
                if index == escapedMarkerIndex {
                    copyRun(to: index)
                    output.append(UInt8(ascii: "\\"))
                    start = index
                }
            }
            index += 1
        }
        copyRun(to: count)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether the bytes hold a scalar that `Character.isNewline` is true for: LF, VT, FF, CR,
    /// U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
    static func containsLineBreak(_ bytes: Span<UInt8>) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0A...0x0D: return true
            case 0xC2: if index + 1 < bytes.count, bytes[index + 1] == 0x85 { return true }
            case 0xE2:
                if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return true
                }
            default: continue
            }
        }
        return false
    }

    /// The scalar whose UTF-8 starts at `index`.
    static func scalar(in bytes: Span<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let (initial, continuations): (UInt32, Int) =
            lead >= 0xF0 ? (UInt32(lead & 0x07), 3) : lead >= 0xE0 ? (UInt32(lead & 0x0F), 2) : (UInt32(lead & 0x1F), 1)
        var value = initial
        for offset in 1...continuations where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The scalar whose UTF-8 ends just before `index`.
    static func scalar(in bytes: Span<UInt8>, endingBefore index: Int) -> Unicode.Scalar {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, at: start)
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

    /// Whether text written after `bytes` would start a Markdown block: the line so far holds
    /// only whitespace and list or quote markers. `before` says it for what came before `bytes`.
    static func isAtBlockStart(_ bytes: [UInt8], after before: Bool = true) -> Bool {
        for byte in bytes.reversed() {
            switch byte {
            case UInt8(ascii: "\n"): return true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"),
                UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            default: return false
            }
        }
        return before
    }

    /// A letter, digit or combining mark: `_` between two of these never makes emphasis.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Whether `&` at `index` starts something a Markdown viewer would read as a
    /// character reference: `&name;`, `&#123;` or `&#x1F;`.
    static func startsCharacterReference(_ bytes: Span<UInt8>, at index: Int) -> Bool {
        var position = index + 1
        if position < bytes.count, bytes[position] == UInt8(ascii: "#") { position += 1 }
        let start = position
        while position < bytes.count, position - start <= 32, isASCIILetterOrDigit(bytes[position]) {
            position += 1
        }
        return position > start && position < bytes.count && bytes[position] == UInt8(ascii: ";")
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}

extension String.UTF8View {
    /// The code units at byte offsets `range`, to copy a run of them whole (the offsets are
    /// turned into indices in constant time on Swift's native UTF-8 strings).
    func run(_ range: Range<Int>) -> Substring.UTF8View {
        let lower = index(startIndex, offsetBy: range.lowerBound)
        return self[lower..<index(lower, offsetBy: range.count)]
    }
}
