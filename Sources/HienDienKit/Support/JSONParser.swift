import Foundation

/// A strict RFC 8259 JSON parser that keeps number literals and key order, refuses duplicate keys,
/// and explains every error with a line, a column and what to do.
///
/// Accepted beyond the RFC: a leading UTF-8 BOM. Refused, each with its own hint: trailing commas,
/// comments, single quotes, unquoted words, `NaN`/`Infinity`, leading zeros, control characters
/// in strings, lone surrogates in `\u` escapes, invalid UTF-8, nesting deeper than `maxDepth`.
///
/// The parser keeps its own stack, so no input can overflow the call stack while parsing; the
/// depth is capped at `depthCeiling` so that freeing or comparing the (recursive) result cannot
/// either. Columns are 1-based and counted in characters.
public enum JSONParser {
    /// The deepest nesting any caller may allow; larger `maxDepth` values are lowered to it.
    public static let depthCeiling = 512

    /// Parses one JSON document (`json.syntax`, `json.duplicate-key`, `json.too-deep`,
    /// `json.invalid-utf8` on failure).
    public static func parse(_ bytes: [UInt8], fileLabel: String, maxDepth: Int = 64) throws -> JSONValue {
        try parseDocument(bytes, fileLabel: fileLabel, maxDepth: maxDepth, recordingPositions: false).value
    }

    /// Parses one JSON document and remembers where each value starts, so that a later check of
    /// its content can name the line and column as well as the path.
    public static func parseDocument(_ bytes: [UInt8], fileLabel: String, maxDepth: Int = 64) throws -> JSONDocument {
        try parseDocument(bytes, fileLabel: fileLabel, maxDepth: maxDepth, recordingPositions: true)
    }

    private static func parseDocument(
        _ text: [UInt8], fileLabel: String, maxDepth: Int, recordingPositions: Bool
    ) throws -> JSONDocument {
        try TextEncoding.check(text.span, fileLabel: fileLabel, code: "json.invalid-utf8", advice: .textEditor)
        guard !text.isEmpty else {
            throw InputError(
                Diagnostic(
                    at: SourceLocation(file: fileLabel, line: 1, column: 1), code: "json.syntax",
                    message: "the file is empty", hint: "a report file holds one JSON object: { … }"))
        }
        var parser = Parser(
            text: text, fileLabel: fileLabel, maxDepth: max(1, min(maxDepth, depthCeiling)),
            recordsPositions: recordingPositions)
        let value = try parser.parseDocument()
        return JSONDocument(value: value, fileLabel: fileLabel, positions: parser.positions)
    }
}

/// A parsed JSON value with the line and column where each of its values starts.
public struct JSONDocument: Sendable {
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    /// The parsed document.
    public let value: JSONValue
    /// The file as the user named it, for locations.
    public let fileLabel: String
    let positions: [JSONPath: Position]

    /// The file, line, column and path of the value at `path`; only file and path if there is none.
    public func location(of path: JSONPath) -> SourceLocation {
        let position = positions[path]
        return SourceLocation(file: fileLabel, line: position?.line, column: position?.column, path: path.description)
    }
}

// MARK: - The parser

private let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ",")
private let colon = UInt8(ascii: ":"), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
private let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]"), minus = UInt8(ascii: "-")
private let lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
private func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
}

private struct Parser {
    /// An array or object whose closing bracket has not been read yet.
    struct Frame {
        let isObject: Bool
        let openOffset: Int
        let openLine: Int
        var items: [JSONValue] = []
        var members: [(key: String, value: JSONValue)] = []
        /// Each key read so far and the line it is on, to name both lines of a duplicate.
        var keyLines: [String: Int] = [:]
        /// The key whose value is being read.
        var key = ""
    }

    /// The document; `bytes` is the same array under the name the scanning code reads best.
    let text: [UInt8]
    let bytes: [UInt8]
    let end: Int
    let fileLabel: String
    let maxDepth: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    /// Where the document starts (after a BOM).
    var contentStart = 0
    var scratch: [UInt8] = []

    let recordsPositions: Bool
    var positions: [JSONPath: JSONDocument.Position] = [:]
    var path: [JSONPath.Component] = []
    /// The column at `columnOffset` on the line starting at `columnLineStart`, to count on from.
    var columnLineStart = -1
    var columnOffset = 0
    var column = 1

    init(text: [UInt8], fileLabel: String, maxDepth: Int, recordsPositions: Bool) {
        self.text = text
        bytes = text
        end = text.count
        self.fileLabel = fileLabel
        self.maxDepth = maxDepth
        self.recordsPositions = recordsPositions
    }

    mutating func parseDocument() throws -> JSONValue {
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            pos = 3
            lineStart = 3
            contentStart = 3
        }
        skipWhitespace()
        var stack: [Frame] = []
        var value: JSONValue
        parsing: while true {
            guard pos < end else { throw unexpectedEnd(inside: stack.last) }
            if recordsPositions { recordPosition() }
            let byte = bytes[pos]
            switch byte {
            case openBrace, openBracket:
                guard stack.count < maxDepth else {
                    throw failure(
                        "json.too-deep", "nesting deeper than \(maxDepth) levels", at: pos,
                        hint: "report files nest only a few levels; check for brackets that are opened and never closed")
                }
                let frame = Frame(isObject: byte == openBrace, openOffset: pos, openLine: line)
                pos += 1
                skipWhitespace()
                if pos < end && bytes[pos] == (frame.isObject ? closeBrace : closeBracket) {
                    pos += 1
                    value = frame.isObject ? .object([]) : .array([])
                } else {
                    stack.append(frame)
                    if frame.isObject {
                        try readKey(into: &stack[stack.count - 1], afterCommaAt: nil)
                    } else if recordsPositions {
                        path.append(.index(0))
                    }
                    continue parsing
                }
            case quote:
                value = .string(try readString())
            case minus, UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try readNumber())
            default:
                value = try readLiteral()
            }
            // A value is complete: add it to its container and close the containers that end here.
            while let top = stack.indices.last {
                let valueEndLine = line
                skipWhitespace()
                guard pos < end else { throw unexpectedEnd(inside: stack[top]) }
                let byte = bytes[pos]
                if stack[top].isObject {
                    let key = stack[top].key
                    stack[top].members.append((key: key, value: value))
                    if byte == comma {
                        let commaOffset = pos
                        pos += 1
                        skipWhitespace()
                        try readKey(into: &stack[top], afterCommaAt: commaOffset)
                        continue parsing
                    }
                    guard byte == closeBrace else { throw missingSeparator(in: stack[top], valueEndLine: valueEndLine) }
                    pos += 1
                    value = .object(stack.removeLast().members)
                } else {
                    stack[top].items.append(value)
                    if byte == comma {
                        let commaOffset = pos
                        pos += 1
                        skipWhitespace()
                        if pos < end && bytes[pos] == closeBracket { throw trailingComma(at: commaOffset) }
                        if recordsPositions { path[path.count - 1] = .index(stack[top].items.count) }
                        continue parsing
                    }
                    guard byte == closeBracket else { throw missingSeparator(in: stack[top], valueEndLine: valueEndLine) }
                    pos += 1
                    value = .array(stack.removeLast().items)
                }
                if recordsPositions { path.removeLast() }
            }
            skipWhitespace()
            guard pos == end else {
                throw failure(
                    "json.syntax", "unexpected text after the end of the JSON value", at: pos, offending: token(at: pos),
                    hint: "a file holds exactly one JSON value; remove what follows it, or check the brackets before it")
            }
            return value
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let byte = bytes[pos]
            if byte == 0x20 || byte == 0x09 {
                pos += 1
            } else if byte == lineFeed || byte == carriageReturn {
                pos += 1
                if byte == carriageReturn && pos < end && bytes[pos] == lineFeed { pos += 1 }
                line += 1
                lineStart = pos
            } else {
                return
            }
        }
    }

    /// Reads `"key"` and the colon after it, leaving `pos` at the member's value. `commaOffset`
    /// is where the comma before this member is, nil for the first member.
    mutating func readKey(into frame: inout Frame, afterCommaAt commaOffset: Int?) throws {
        guard pos < end else { throw unexpectedEnd(inside: frame) }
        guard bytes[pos] == quote else {
            if let commaOffset, bytes[pos] == closeBrace { throw trailingComma(at: commaOffset) }
            throw expectedKey()
        }
        let keyOffset = pos
        let key = try readString()
        if let firstLine = frame.keyLines[key] {
            throw failure(
                "json.duplicate-key", "the key \"\(key)\" appears twice in this object: on line \(firstLine) and on line \(line)",
                at: keyOffset, offending: key, hint: "keep only one of them; JSON readers differ on which one would count")
        }
        frame.keyLines[key] = line
        frame.key = key
        if recordsPositions {
            if commaOffset == nil { path.append(.key(key)) } else { path[path.count - 1] = .key(key) }
        }
        skipWhitespace()
        guard pos < end else { throw unexpectedEnd(inside: frame) }
        guard bytes[pos] == colon else {
            throw failure(
                "json.syntax", "expected ':' after the key \"\(key)\"", at: pos, offending: token(at: pos),
                hint: "write each member as \"key\": value")
        }
        pos += 1
        skipWhitespace()
    }

    mutating func readString() throws -> String {
        let open = pos
        pos += 1
        let contentStart = pos
        while pos < end {
            let byte = bytes[pos]
            if byte == quote {
                pos += 1
                return String(decoding: bytes[contentStart..<(pos - 1)], as: UTF8.self)
            }
            if byte == backslash || byte < 0x20 { break }
            pos += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[contentStart..<pos])
        while pos < end {
            let byte = bytes[pos]
            if byte == quote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte < 0x20 { throw controlCharacter(byte, stringStart: open) }
            guard byte == backslash else {
                scratch.append(byte)
                pos += 1
                continue
            }
            guard pos + 1 < end else { break }
            let escaped = bytes[pos + 1]
            switch escaped {
            case quote, backslash, UInt8(ascii: "/"): scratch.append(escaped)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape()
                UTF8.encode(scalar) { scratch.append($0) }
                continue
            default:
                throw failure(
                    "json.syntax", "an invalid escape in a string", at: pos, offending: token(at: pos, escape: true),
                    hint: "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash itself as \\\\")
            }
            pos += 2
        }
        throw failure(
            "json.syntax", "a string is not closed before the end of the file", at: open, offending: token(at: open),
            hint: "close the string with a double quote (\")")
    }

    /// Reads `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `pos`.
    mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let start = pos
        let first = try hexQuad(at: pos + 2)
        pos += 6
        if (0xDC00...0xDFFF).contains(first) { throw loneSurrogate(at: start) }
        guard (0xD800...0xDBFF).contains(first) else { return Unicode.Scalar(first)! }
        guard pos + 1 < end, bytes[pos] == backslash, bytes[pos + 1] == UInt8(ascii: "u") else {
            throw loneSurrogate(at: start)
        }
        let second = try hexQuad(at: pos + 2)
        guard (0xDC00...0xDFFF).contains(second) else { throw loneSurrogate(at: start) }
        pos += 6
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
    }

    func hexQuad(at offset: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for i in offset..<offset + 4 {
            guard i < end, let digit = hexValue(bytes[i]) else {
                throw failure(
                    "json.syntax", "\\u must be followed by four hexadecimal digits", at: offset - 2,
                    offending: token(at: offset - 2, escape: true), hint: "write a character as \\u00E9, or just write it as it is")
            }
            value = value << 4 | digit
        }
        return value
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        if isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
    }

    /// Reads a number by RFC 8259's grammar and returns it as written.
    mutating func readNumber() throws -> String {
        let start = pos
        if bytes[pos] == minus { pos += 1 }
        guard pos < end, isDigit(bytes[pos]) else {
            if pos < end && (bytes[pos] | 0x20) &- UInt8(ascii: "a") < 26 { throw unexpectedWord(at: start) }
            throw badNumber("a minus sign without digits", at: start, hint: "write the number after the sign: -3")
        }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < end && isDigit(bytes[pos]) {
                throw badNumber(
                    "a number with a leading zero", at: start,
                    hint: "write 7, not 07; if it is a code rather than a number, put it in quotes: \"07\"")
            }
        } else {
            while pos < end && isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < end && bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < end, isDigit(bytes[pos]) else {
                throw badNumber("digits must follow the decimal point", at: start, hint: "write 12.0 or 12, not 12.")
            }
            while pos < end && isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < end && (bytes[pos] | 0x20) == UInt8(ascii: "e") {
            pos += 1
            if pos < end && (bytes[pos] == UInt8(ascii: "+") || bytes[pos] == minus) { pos += 1 }
            guard pos < end, isDigit(bytes[pos]) else {
                throw badNumber("an exponent without digits", at: start, hint: "write 1e3, or drop the e")
            }
            while pos < end && isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < end && (isWordByte(bytes[pos]) || bytes[pos] == UInt8(ascii: ".")) {
            throw badNumber("not a valid number", at: start, hint: "a JSON number looks like 12, -3, 12.5 or 1e3")
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// Reads `true`, `false` or `null`; anything else where a value belongs is an error.
    mutating func readLiteral() throws -> JSONValue {
        let start = pos
        while pos < end && isWordByte(bytes[pos]) { pos += 1 }
        switch String(decoding: bytes[start..<pos], as: UTF8.self) {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            pos = start
            if isWordByte(bytes[start]) { throw unexpectedWord(at: start) }
            throw unexpected(expecting: "a value")
        }
    }

    mutating func recordPosition() {
        if columnLineStart != lineStart {
            columnLineStart = lineStart
            columnOffset = lineStart
            column = 1
        }
        // Every value starts with an ASCII byte, so counting on from the last one is exact.
        column += String(decoding: bytes[columnOffset..<pos], as: UTF8.self).count
        columnOffset = pos
        positions[JSONPath(path)] = JSONDocument.Position(line: line, column: column)
    }
}

// MARK: - Errors

extension Parser {
    func failure(_ code: String, _ message: String, at offset: Int, offending: String? = nil, hint: String) -> InputError {
        let found = TextPosition.line(of: offset, in: text.span, from: contentStart, startingLine: 1)
        let lineEnd = TextPosition.lineEnd(in: text.span, from: offset)
        let lineBytes = text[found.lineStart..<lineEnd]
        let column = TextPosition.column(of: offset - found.lineStart, inLine: text.span.extracting(found.lineStart..<lineEnd))
        let shown = String(decoding: lineBytes.prefix(400), as: UTF8.self)
        return InputError(
            Diagnostic(
                at: SourceLocation(file: fileLabel, line: found.line, column: column), code: code, message: message,
                offending: offending, hint: hint, lineText: shown))
    }

    /// The token at `offset` for a message: a word, a number-like run, one character, or `\x`.
    func token(at offset: Int, escape: Bool = false) -> String {
        guard offset < end else { return "end of file" }
        var stop = offset + 1
        if escape {
            stop = min(end, offset + (offset + 1 < end && bytes[offset + 1] == UInt8(ascii: "u") ? 6 : 2))
        } else if isWordByte(bytes[offset]) || bytes[offset] == minus || bytes[offset] == UInt8(ascii: ".") {
            while stop < end && stop - offset < 40
                && (isWordByte(bytes[stop]) || bytes[stop] == UInt8(ascii: ".") || bytes[stop] == UInt8(ascii: "+")
                    || bytes[stop] == minus)
            {
                stop += 1
            }
        } else if bytes[offset] >= 0x80 {
            while stop < end && bytes[stop] & 0xC0 == 0x80 { stop += 1 }
        }
        return String(decoding: bytes[offset..<stop], as: UTF8.self)
    }

    func unexpectedEnd(inside frame: Frame?) -> InputError {
        guard let frame else {
            return failure("json.syntax", "the file ends where a value was expected", at: end, hint: "complete the value")
        }
        let kind = frame.isObject ? "object" : "array"
        return failure(
            "json.syntax", "the file ends inside the \(kind) opened on line \(frame.openLine)", at: end,
            hint: "close it with '\(frame.isObject ? "}" : "]")', or look for a missing bracket or quote before the end")
    }

    func trailingComma(at commaOffset: Int) -> InputError {
        let closing = Character(Unicode.Scalar(bytes[pos]))
        return failure(
            "json.syntax", "a comma after the last item, before '\(closing)'", at: commaOffset, offending: ",",
            hint: "JSON allows no comma after the last item of an array or object; remove this comma")
    }

    func expectedKey() -> InputError {
        let found = token(at: pos)
        var hint = "an object's keys are strings in double quotes: { \"unit\": \"SKHCN\" }"
        if let misplaced = misplacedHint(for: found) {
            hint = misplaced
        } else if isDigit(bytes[pos]) && pos >= 2 && bytes[pos - 1] == comma && isDigit(bytes[pos - 2]) {
            hint = "a decimal comma? JSON numbers use a point: 12.5; large counts need no separator: 1250"
        } else if isWordByte(bytes[pos]) {
            hint = "put keys in double quotes: \"\(found)\""
        }
        return failure("json.syntax", "expected a key in double quotes", at: pos, offending: found, hint: hint)
    }

    func missingSeparator(in frame: Frame, valueEndLine: Int) -> InputError {
        let byte = bytes[pos]
        let closer = frame.isObject ? "}" : "]"
        let message = "expected ',' or '\(closer)' after the \(frame.isObject ? "member" : "item")"
        if byte == (frame.isObject ? closeBracket : closeBrace) {
            return failure(
                "json.syntax", "'\(Character(Unicode.Scalar(byte)))' closes the \(frame.isObject ? "object" : "array") opened on line \(frame.openLine)",
                at: pos, offending: token(at: pos), hint: "brackets must match: [ … ] and { … }")
        }
        if byte == quote || byte == openBrace || byte == openBracket || byte == minus || isWordByte(byte) {
            return failure(
                "json.syntax", message, at: pos, offending: token(at: pos),
                hint: "check for a missing comma after line \(valueEndLine)")
        }
        return unexpected(expecting: "',' or '\(closer)'", message: message)
    }

    func unexpectedWord(at offset: Int) -> InputError {
        let word = token(at: offset)
        let hint: String
        switch word.lowercased() {
        case "nan", "infinity", "-infinity", "inf", "-inf":
            hint = "JSON has no NaN or Infinity; leave the value out or write null"
        case "true", "false", "null", "none", "nil", "undefined":
            hint = "JSON's literals are true, false and null, in lowercase"
        default:
            hint = "put text in double quotes: \"\(word)\""
        }
        return failure("json.syntax", "expected a value", at: offset, offending: word, hint: hint)
    }

    func unexpected(expecting expected: String, message: String? = nil) -> InputError {
        let found = token(at: pos)
        let hint: String
        switch pos < end ? bytes[pos] : 0 {
        case comma: hint = "a value is missing: two commas in a row, or a comma before the first item?"
        case UInt8(ascii: "."): hint = "a number starts with a digit: write 0.5, not .5"
        default: hint = misplacedHint(for: found) ?? "expected \(expected) here"
        }
        return failure("json.syntax", message ?? "expected \(expected)", at: pos, offending: found, hint: hint)
    }

    /// The hint for a token that people often write where JSON allows none, nil for others.
    func misplacedHint(for found: String) -> String? {
        switch found {
        case "/": "JSON does not allow comments; remove them"
        case "'": "write strings and keys in double quotes (\"), not single quotes"
        case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}":
            "use straight double quotes (\"); a word processor may have turned them into curly ones"
        default: nil
        }
    }

    func badNumber(_ message: String, at offset: Int, hint: String) -> InputError {
        failure("json.syntax", message, at: offset, offending: token(at: offset), hint: hint)
    }

    func controlCharacter(_ byte: UInt8, stringStart: Int) -> InputError {
        if byte == lineFeed || byte == carriageReturn {
            return failure(
                "json.syntax", "a string is not closed before the end of its line", at: stringStart,
                offending: token(at: stringStart),
                hint: "close the string with \" on the same line; a line break inside a string is written \\n")
        }
        let name = "U+" + String(format: "%04X", byte)
        return failure(
            "json.syntax", "a control character (\(name)) inside a string", at: pos,
            hint: byte == 0x09 ? "write a tab inside a string as \\t" : "write it as \\u00\(String(format: "%02X", byte)) or remove it")
    }

    func loneSurrogate(at offset: Int) -> InputError {
        failure(
            "json.syntax", "half of a UTF-16 surrogate pair without the other half", at: offset,
            offending: token(at: offset, escape: true),
            hint: "write the character itself, or both halves as in \\uD83D\\uDE00")
    }
}
