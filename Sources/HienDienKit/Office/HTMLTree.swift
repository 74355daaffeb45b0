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

    /// Parses `html` into a root element named `#document`.
    static func parse(_ html: String) -> HTMLNode {
        var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [("#document", [:], [])]
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var text = ""
        func flushText() {
            if !text.isEmpty { stack[stack.count - 1].children.append(.text(decode(text))) }
            text = ""
        }
        func close(to depth: Int) {
            while stack.count > depth {
                let top = stack.removeLast()
                stack[stack.count - 1].children.append(.element(name: top.name, attributes: top.attributes, children: top.children))
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count else {
                text.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == "!" || next == "?" {
                flushText()
                let isComment = index + 3 < scalars.count && scalars[index + 2] == "-" && scalars[index + 3] == "-"
                index += 2
                while index < scalars.count {
                    if isComment {
                        if scalars[index] == ">" && index >= 2 && scalars[index - 1] == "-" && scalars[index - 2] == "-" { break }
                    } else if scalars[index] == ">" { break }
                    index += 1
                }
                index += 1
                continue
            }
            let isEnd = next == "/"
            var cursor = index + (isEnd ? 2 : 1)
            var name = ""
            while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == "-" {
                name.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            guard !name.isEmpty else {
                text.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            name = name.lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while cursor < scalars.count, scalars[cursor] != ">" {
                let current = scalars[cursor]
                if current == "/" { selfClosing = true; cursor += 1; continue }
                if current.properties.isWhitespace { cursor += 1; continue }
                var attribute = ""
                while cursor < scalars.count, !scalars[cursor].properties.isWhitespace, !["=", ">", "/"].contains(scalars[cursor]) {
                    attribute.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                var value = ""
                if cursor < scalars.count, scalars[cursor] == "=" {
                    cursor += 1
                    if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" {
                        let quote = scalars[cursor]
                        cursor += 1
                        while cursor < scalars.count, scalars[cursor] != quote { value.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                        cursor += 1
                    } else {
                        while cursor < scalars.count, !scalars[cursor].properties.isWhitespace, scalars[cursor] != ">" {
                            value.unicodeScalars.append(scalars[cursor])
                            cursor += 1
                        }
                    }
                }
                if attribute.isEmpty { cursor += 1 } else { attributes[attribute.lowercased()] = decode(value) }
                selfClosing = false
            }
            index = cursor + 1
            flushText()
            if isEnd {
                if let depth = stack.lastIndex(where: { $0.name == name }), depth > 0 { close(to: depth) }
                continue
            }
            stack.append((name, attributes, []))
            if selfClosing || voidElements.contains(name) {
                close(to: stack.count - 1)
            } else if opaqueElements.contains(name) {
                // Skip to the matching end tag; the contents are not text.
                let end = Array("</\(name)".unicodeScalars)
                var depth = index
                while depth + end.count <= scalars.count {
                    if zip(scalars[depth..<(depth + end.count)], end).allSatisfy({ String($0).lowercased() == String($1) }) { break }
                    depth += 1
                }
                index = depth
            }
        }
        flushText()
        close(to: 1)
        return .element(name: "#document", attributes: [:], children: stack[0].children)
    }

    /// Text with its character references replaced.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
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
