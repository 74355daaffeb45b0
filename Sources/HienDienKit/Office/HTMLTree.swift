/// The report's HTML as a small tree, for converting it to other formats.
///
/// Reads the templates' own well-formed subset tolerantly: void elements (`br`, `col`, `meta`…)
/// need no end tag, an end tag without its start is ignored, one that closes an outer element
/// closes the inner ones too; comments and the doctype are skipped; the contents of `style`,
/// `script`, `head` and `svg` are not text. Entities: the five of XML, `&nbsp;` and numeric ones.
indirect enum HTMLNode {
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    case text(String)

    /// The element's name, or nil for text.
    var name: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    var attributes: [String: String] {
        if case .element(_, let attributes, _) = self { return attributes }
        return [:]
    }

    var children: [HTMLNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// The classes in its `class` attribute.
    var classes: Set<String> {
        Set((attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// Its text, as a reader sees it (whitespace not yet collapsed).
    var text: String {
        switch self {
        case .text(let text): text
        case .element(let name, _, let children): name == "br" ? "\n" : children.map(\.text).joined()
        }
    }

    static let voidElements: Set<String> = ["br", "col", "meta", "link", "img", "hr", "input", "wbr", "source", "area", "base"]
    static let opaqueElements: Set<String> = ["style", "script", "head", "svg", "title", "template"]

    /// Parses `html` into a root element named `#document`. It reads the UTF-8 bytes: tag and
    /// attribute names are ASCII (letters, digits, `-`), markup white space is ASCII, and text
    /// runs are decoded whole between tags.
    static func parse(_ html: String) -> HTMLNode {
        var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [("#document", [:], [])]
        let bytes = Array(html.utf8)
        let count = bytes.count
        var index = 0
        var textStart = 0
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func flushText(upTo end: Int) {
            if textStart < end { stack[stack.count - 1].children.append(.text(decode(string(textStart..<end)))) }
        }
        func close(to depth: Int) {
            while stack.count > depth {
                let top = stack.removeLast()
                stack[stack.count - 1].children.append(.element(name: top.name, attributes: top.attributes, children: top.children))
            }
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")
        while index < count {
            guard bytes[index] == less, index + 1 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flushText(upTo: index)
                let isComment = index + 3 < count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
                index += 2
                while index < count {
                    if isComment {
                        if bytes[index] == greater && index >= 2 && bytes[index - 1] == UInt8(ascii: "-") && bytes[index - 2] == UInt8(ascii: "-") { break }
                    } else if bytes[index] == greater { break }
                    index += 1
                }
                index += 1
                textStart = index
                continue
            }
            let isEnd = next == slash
            var cursor = index + (isEnd ? 2 : 1)
            let nameStart = cursor
            while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart else {
                index += 1  // a '<' that starts no tag is text
                continue
            }
            let name = string(nameStart..<cursor).lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while cursor < count, bytes[cursor] != greater {
                let current = bytes[cursor]
                if current == slash { selfClosing = true; cursor += 1; continue }
                if isSpace(current) { cursor += 1; continue }
                let attributeStart = cursor
                while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != equals, bytes[cursor] != greater, bytes[cursor] != slash {
                    cursor += 1
                }
                let attribute = attributeStart..<cursor
                var value = cursor..<cursor
                if cursor < count, bytes[cursor] == equals {
                    cursor += 1
                    if cursor < count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                        let quote = bytes[cursor]
                        cursor += 1
                        let valueStart = cursor
                        while cursor < count, bytes[cursor] != quote { cursor += 1 }
                        value = valueStart..<min(cursor, count)
                        cursor += 1
                    } else {
                        let valueStart = cursor
                        while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != greater { cursor += 1 }
                        value = valueStart..<cursor
                    }
                }
                if attribute.isEmpty { cursor += 1 } else { attributes[string(attribute).lowercased()] = decode(string(value)) }
                selfClosing = false
            }
            flushText(upTo: index)
            index = cursor + 1
            textStart = index
            if isEnd {
                if let depth = stack.lastIndex(where: { $0.name == name }), depth > 0 { close(to: depth) }
                continue
            }
            stack.append((name, attributes, []))
            if selfClosing || voidElements.contains(name) {
                close(to: stack.count - 1)
            } else if opaqueElements.contains(name) {
                // Skip to the matching end tag; the contents are not text.
                let end = Array("</\(name)".utf8)
                var position = index
                while position + end.count <= count {
                    if (0..<end.count).allSatisfy({ lowercased(bytes[position + $0]) == end[$0] }) { break }
                    position += 1
                }
                index = position
                textStart = index
            }
        }
        flushText(upTo: min(index, count))
        close(to: 1)
        return .element(name: "#document", attributes: [:], children: stack[0].children)
    }

    /// Text with its character references replaced.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }  // not Foundation's contains: no bridging per text
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = String(after[..<semicolon])
            // XML's five entities and character references, plus the one HTML entity the templates use.
            let replacement = name == "nbsp" ? "\u{A0}" : XMLReader.referencedScalar(name).map { String($0) }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
