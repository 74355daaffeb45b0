/// HTML as a small tree, built from `HTMLReader`'s events (see there for the rules it reads by).
/// Entities: the five of XML, `&nbsp;` and numeric ones.
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

    /// Parses `html` into a root element named `#document`, from `HTMLReader`'s events (its
    /// rules are the tree's rules). The Word conversion reads the events themselves; the tree is
    /// for tests and for small fragments.
    static func parse(_ html: String) -> HTMLNode {
        var reader = HTMLReader(Array(html.utf8))
        var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [("#document", [:], [])]
        while true {
            switch reader.next() {
            case .open: stack.append((reader.tagName, reader.attributes, []))
            case .text(let range): stack[stack.count - 1].children.append(.text(decode(reader.string(range))))
            case .close:
                let top = stack.removeLast()
                stack[stack.count - 1].children.append(.element(name: top.name, attributes: top.attributes, children: top.children))
            case .end: return .element(name: "#document", attributes: [:], children: stack[0].children)
            }
        }
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
