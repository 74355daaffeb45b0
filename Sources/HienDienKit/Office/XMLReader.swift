/// A small, bounded XML reader for the parts of Office packages, as a stream of events.
///
/// It reads what Excel, LibreOffice and Google Sheets write: elements, attributes, text,
/// CDATA, comments and processing instructions, the five predefined entities and character
/// references. A document type declaration (`<!DOCTYPE`) is refused outright, so no external
/// entity is ever fetched and no entity expands: Office parts never carry one. Names are
/// reported without their namespace prefix (`x:row` is `row`), as tools differ in prefixes.
struct XMLReader {
    /// One step through the document.
    enum Event {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    /// The deepest nesting read (Office parts nest about ten deep).
    static let maxDepth = 256

    /// Reads `bytes`, part `part` of the file `label`, calling `handle` for every event.
    static func parse(_ bytes: [UInt8], part: String, label: String, _ handle: (Event) throws -> Void) throws {
        var reader = XMLReader(part: part, label: label)
        try reader.run(bytes, handle)
    }

    private let part: String
    private let label: String

    private init(part: String, label: String) {
        self.part = part
        self.label = label
    }

    private func invalid(_ why: String, at offset: Int) -> InputError {
        InputError(Diagnostic(at: SourceLocation(file: label, path: part), code: "xlsx.xml-invalid",
                              message: "the part '\(part)' is not well-formed XML (byte \(offset)): \(why)",
                              hint: "open the file in Excel or LibreOffice and save it again"))
    }

    private mutating func run(_ input: [UInt8], _ handle: (Event) throws -> Void) throws {
        var index = 0
        var open: [String] = []
        var rootSeen = false
        let count = input.count
        if count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }
        func starts(_ text: String, at position: Int) -> Bool {
            var cursor = position
            for byte in text.utf8 {
                guard cursor < count, input[cursor] == byte else { return false }
                cursor += 1
            }
            return true
        }
        func find(_ text: String, from position: Int) -> Int? {
            var cursor = position
            while cursor + text.utf8.count <= count {
                if starts(text, at: cursor) { return cursor }
                cursor += 1
            }
            return nil
        }
        while index < count {
            let byte = input[index]
            if byte != UInt8(ascii: "<") {
                var end = index
                while end < count && input[end] != UInt8(ascii: "<") { end += 1 }
                if open.isEmpty {
                    for position in index..<end where ![0x20, 0x09, 0x0A, 0x0D].contains(input[position]) {
                        throw invalid("text outside the root element", at: position)
                    }
                } else {
                    try handle(.text(try decode(input, from: index, to: end)))
                }
                index = end
                continue
            }
            if starts("<!--", at: index) {
                guard let end = find("-->", from: index + 4) else { throw invalid("a comment does not end", at: index) }
                index = end + 3
            } else if starts("<![CDATA[", at: index) {
                guard let end = find("]]>", from: index + 9) else { throw invalid("a CDATA section does not end", at: index) }
                guard !open.isEmpty else { throw invalid("CDATA outside the root element", at: index) }
                try handle(.text(String(decoding: input[(index + 9)..<end], as: UTF8.self)))
                index = end + 3
            } else if starts("<!", at: index) {
                throw invalid("a document type declaration (<!DOCTYPE …>) is not allowed in an Office part", at: index)
            } else if starts("<?", at: index) {
                guard let end = find("?>", from: index + 2) else { throw invalid("a processing instruction does not end", at: index) }
                index = end + 2
            } else if starts("</", at: index) {
                var end = index + 2
                while end < count && input[end] != UInt8(ascii: ">") { end += 1 }
                guard end < count else { throw invalid("an end tag does not close", at: index) }
                let name = localName(String(decoding: input[(index + 2)..<end], as: UTF8.self)
                    .trimmingWhitespace())
                guard let last = open.popLast(), last == name else { throw invalid("the end tag </\(name)> does not match", at: index) }
                try handle(.end(name: name))
                index = end + 1
            } else {
                index = try startTag(input, at: index, open: &open, rootSeen: &rootSeen, handle)
            }
        }
        if let last = open.last { throw invalid("the element <\(last)> is not closed", at: count) }
        if !rootSeen { throw invalid("there is no element", at: count) }
    }

    /// Reads `<name attr="value" …>` or `<name …/>`; returns the index after it.
    private func startTag(_ input: [UInt8], at start: Int, open: inout [String], rootSeen: inout Bool,
                          _ handle: (Event) throws -> Void) throws -> Int {
        let count = input.count
        if open.isEmpty && rootSeen { throw invalid("a second root element", at: start) }
        var index = start + 1
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") }
        var nameEnd = index
        while nameEnd < count && !isNameEnd(input[nameEnd]) { nameEnd += 1 }
        guard nameEnd > index else { throw invalid("a tag has no name", at: start) }
        let name = localName(String(decoding: input[index..<nameEnd], as: UTF8.self))
        index = nameEnd
        var attributes: [String: String] = [:]
        while true {
            while index < count && isSpace(input[index]) { index += 1 }
            guard index < count else { throw invalid("the tag <\(name)> does not close", at: start) }
            if input[index] == UInt8(ascii: ">") {
                index += 1
                guard open.count < Self.maxDepth else { throw invalid("elements nest deeper than \(Self.maxDepth)", at: start) }
                open.append(name)
                rootSeen = true
                try handle(.start(name: name, attributes: attributes))
                return index
            }
            if input[index] == UInt8(ascii: "/") {
                guard index + 1 < count, input[index + 1] == UInt8(ascii: ">") else { throw invalid("a stray '/' in <\(name)>", at: index) }
                rootSeen = true
                try handle(.start(name: name, attributes: attributes))
                try handle(.end(name: name))
                return index + 2
            }
            var attributeEnd = index
            while attributeEnd < count && !isNameEnd(input[attributeEnd]) { attributeEnd += 1 }
            guard attributeEnd > index else { throw invalid("an attribute has no name in <\(name)>", at: index) }
            let attribute = localName(String(decoding: input[index..<attributeEnd], as: UTF8.self))
            index = attributeEnd
            while index < count && isSpace(input[index]) { index += 1 }
            guard index < count, input[index] == UInt8(ascii: "=") else { throw invalid("the attribute '\(attribute)' has no value", at: index) }
            index += 1
            while index < count && isSpace(input[index]) { index += 1 }
            guard index < count, input[index] == UInt8(ascii: "\"") || input[index] == UInt8(ascii: "'") else {
                throw invalid("the value of '\(attribute)' is not quoted", at: index)
            }
            let quote = input[index]
            var valueEnd = index + 1
            while valueEnd < count && input[valueEnd] != quote {
                if input[valueEnd] == UInt8(ascii: "<") { throw invalid("a '<' inside an attribute value", at: valueEnd) }
                valueEnd += 1
            }
            guard valueEnd < count else { throw invalid("the value of '\(attribute)' does not end", at: index) }
            attributes[attribute] = try decode(input, from: index + 1, to: valueEnd)
            index = valueEnd + 1
        }
    }

    private func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    /// The text between `from` and `to` with its entity and character references replaced.
    private func decode(_ input: [UInt8], from start: Int, to end: Int) throws -> String {
        var plain = true
        for position in start..<end where input[position] == UInt8(ascii: "&") { plain = false; break }
        if plain { return String(decoding: input[start..<end], as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = input[index]
            guard byte == UInt8(ascii: "&") else {
                bytes.append(byte)
                index += 1
                continue
            }
            var semicolon = index + 1
            while semicolon < end && semicolon - index <= 12 && input[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < end, input[semicolon] == UInt8(ascii: ";") else { throw invalid("a '&' that starts no reference", at: index) }
            let name = String(decoding: input[(index + 1)..<semicolon], as: UTF8.self)
            let scalar = Self.referencedScalar(name)
            if scalar == nil && !name.hasPrefix("#") {
                throw invalid("the entity '&\(name);' is not defined (Office parts use only the five XML entities)", at: index)
            }
            guard let scalar, scalar.value != 0 else { throw invalid("the character reference '&\(name);' is not a character", at: index) }
            bytes.append(contentsOf: Array(String(scalar).utf8))
            index = semicolon + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The character a reference names (the text between `&` and `;`): one of XML's five
    /// entities, or a decimal or hexadecimal character reference; nil for anything else.
    static func referencedScalar(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": "<"
        case "gt": ">"
        case "amp": "&"
        case "quot": "\""
        case "apos": "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                nil
            }
        }
    }
}
