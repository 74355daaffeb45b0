extension WordDocument {
    /// The report's HTML (the templates' well-formed subset) as a `.docx`: the same document,
    /// ready to edit, number and sign in Word.
    ///
    /// Headings, paragraphs, lists (as “- ” lines, as the decree's documents write them),
    /// tables (header rows repeated on every page, column widths from `<colgroup>`; tables with
    /// `role="presentation"` — the header block and the signature — without borders),
    /// `strong`/`b`, `em`/`i`, `br`, and the classes of the header block and signature. An
    /// element marked landscape (a class with `landscape`, `data-orientation="landscape"` or a
    /// landscape named page in its style) is set on landscape pages of its own section.
    /// Charts (`svg`, in `figure`) are left out: their figures are in the tables beside them.
    /// Any other element gives its text.
    static func make(fromHTML html: String) -> [UInt8] {
        var converter = HTMLToWordprocessingML()
        let root = HTMLNode.parse(html)
        converter.emit(converter.blocks(root.children, style: ParagraphStyle(), width: PageSetup.textWidth(.portrait), topLevel: true))
        return converter.document.bytes(lastSection: converter.orientation, isOnlySection: converter.sections == 0)
    }
}

/// How a paragraph and its runs look.
struct ParagraphStyle {
    var bold = false, italic = false, underline = false
    /// Half-points (28 = 14 pt); nil keeps the document's 14 pt.
    var size: Int?
    /// `left`, `center`, `right`, `both`; nil keeps justified.
    var alignment: String?
    var heading: String?
    var spacingBefore: Int?, spacingAfter: Int?
    var keepNext = false
    var bullet: String?
}

/// Walks an `HTMLNode` tree and writes WordprocessingML blocks.
struct HTMLToWordprocessingML {
    var document = WordDocument()
    /// The orientation of the section being written.
    var orientation = WordDocument.Orientation.portrait
    /// The orientation the next block asks for (a landscape element just ended).
    private var wanted = WordDocument.Orientation.portrait
    /// Sections closed so far.
    private(set) var sections = 0
    /// Set just before a top-level block with nothing pending before it: a table there may
    /// write its rows into the document as it goes instead of returning them in one string
    /// (a national appendix table is 60 MB of XML).
    var mayStreamTable = false

    private struct Run {
        var text: String
        var bold = false, italic = false, underline = false
        var size: Int?
        var isBreak = false
    }

    mutating func emit(_ xml: String) {
        guard !xml.isEmpty else { return }
        if wanted != orientation { breakSection(to: wanted) }
        document.appendBody(xml)
    }

    /// Ends the current section and starts one in `next` orientation on a new page.
    private mutating func breakSection(to next: WordDocument.Orientation) {
        if !document.isBodyEmpty {
            document.appendBody("<w:p><w:pPr>" + WordDocument.PageSetup.properties(orientation, isFirst: sections == 0) + "</w:pPr></w:p>")
            sections += 1
        }
        orientation = next
        wanted = next
    }

    private static func isLandscape(_ node: HTMLNode) -> Bool {
        let attributes = node.attributes
        if attributes["data-orientation"]?.lowercased() == "landscape" { return true }
        if node.classes.contains(where: { $0.lowercased().contains("landscape") }) { return true }
        let style = (attributes["style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
        return style.contains("page:landscape") || style.contains("size:a4landscape") || style.contains("size:landscape")
    }

    static let blockElements: Set<String> = [
        "html", "body", "main", "section", "article", "header", "footer", "nav", "aside", "div", "p", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "li", "table", "figure", "figcaption", "caption", "blockquote", "dl", "dt", "dd", "hr",
        "colgroup", "thead", "tbody", "tfoot", "tr",
    ]

    /// The blocks for `nodes`: runs of inline content become paragraphs in `style`.
    /// At the top level (not inside a table) a landscape element gets a section of its own.
    mutating func blocks(_ nodes: [HTMLNode], style: ParagraphStyle, width: Int, topLevel: Bool) -> String {
        var xml = ""
        var pending: [HTMLNode] = []
        func flush(_ converter: inout HTMLToWordprocessingML) {
            if !pending.isEmpty { xml += converter.paragraph(pending, style: style) }
            pending = []
        }
        for node in nodes {
            guard let name = node.name, Self.blockElements.contains(name) else {
                pending.append(node)
                continue
            }
            flush(&self)
            if topLevel && Self.isLandscape(node) && orientation == .portrait {
                emit(xml)
                xml = ""
                breakSection(to: .landscape)
                emit(block(node, style: style, width: WordDocument.PageSetup.textWidth(.landscape), topLevel: true))
                wanted = .portrait
                continue
            }
            mayStreamTable = topLevel && xml.isEmpty
            let converted = block(node, style: style, width: width, topLevel: topLevel)
            mayStreamTable = false
            if topLevel { emit(xml); xml = ""; emit(converted) } else { xml += converted }
        }
        flush(&self)
        return xml
    }

    private mutating func block(_ node: HTMLNode, style parent: ParagraphStyle, width: Int, topLevel: Bool) -> String {
        let name = node.name ?? ""
        var style = Self.style(for: node, inheriting: parent)
        if node.classes.contains("appendix") || node.classes.contains("page-break") {
            let inner = blocks(node.children, style: style, width: width, topLevel: topLevel)
            return orientation == wanted && !document.isBodyEmpty ? "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + inner : inner
        }
        switch name {
        case "figure", "colgroup", "hr": return ""
        case "table": return table(node, style: style, width: width)
        case "ul", "ol":
            var xml = ""
            for (index, item) in node.children.filter({ $0.name == "li" }).enumerated() {
                var itemStyle = Self.style(for: item, inheriting: style)
                itemStyle.bullet = name == "ol" ? "\(index + 1). " : "- "
                xml += blocks(item.children, style: itemStyle, width: width, topLevel: false)
            }
            return xml
        case "div" where node.classes.contains("signature-space"):
            return String(repeating: "<w:p/>", count: 3)
        default:
            if node.children.contains(where: { $0.name.map(Self.blockElements.contains) ?? false }) {
                return blocks(node.children, style: style, width: width, topLevel: topLevel)
            }
            style.bullet = parent.bullet
            return paragraph(node.children, style: style)
        }
    }

    /// The look the decree gives each part of the report, by element and class.
    static func style(for node: HTMLNode, inheriting parent: ParagraphStyle) -> ParagraphStyle {
        var style = parent
        style.heading = nil
        style.bullet = nil
        switch node.name ?? "" {
        case "h1": style.heading = "Heading1"
        case "h2": style.heading = "Heading2"
        case "h3", "h4", "h5", "h6": style.heading = "Heading3"
        case "caption", "figcaption": style.bold = true; style.keepNext = true; style.alignment = "center"
        case "th": style.bold = true; style.alignment = "center"
        case "b", "strong": style.bold = true
        case "i", "em": style.italic = true
        default: break
        }
        for name in node.classes.sorted() {
            switch name {
            case "doc-title": style.bold = true; style.alignment = "center"; style.spacingBefore = 240; style.spacingAfter = 0
            case "doc-subject": style.bold = true; style.alignment = "center"
            case "doc-scope": style.italic = true; style.alignment = "center"; style.size = 26
            case "issuer", "number": style.size = 26; style.alignment = "center"
            case "body-name": style.bold = true; style.size = 26; style.alignment = "center"
            case "nation": style.bold = true; style.size = 24; style.alignment = "center"
            case "motto", "signer-title", "signer-name": style.bold = true; style.alignment = "center"
            case "place-date": style.italic = true; style.alignment = "center"
            case "note", "empty": style.italic = true; style.size = min(style.size ?? 28, 26)
            case "recipients-title": style.bold = true; style.italic = true; style.size = 24; style.alignment = "left"
            case "recipients": style.size = 22; style.alignment = "left"
            case "num": style.alignment = "right"
            case "center": style.alignment = "center"
            case "total": style.bold = true
            case "rule-short", "rule-full": style.underline = true
            default: break
            }
        }
        return style
    }

    // MARK: - Paragraphs and runs

    private func runs(_ nodes: [HTMLNode], style: ParagraphStyle, into result: inout [Run]) {
        for node in nodes {
            switch node {
            case .text(let text):
                result.append(Run(text: text, bold: style.bold, italic: style.italic, underline: style.underline, size: style.size))
            case .element(let name, _, let children):
                if name == "br" { result.append(Run(text: "", isBreak: true)); continue }
                // A rule under a header line (`<span class="rule">`, drawn as a block in HTML)
                // ends that line in Word.
                if name == "span" && node.classes.contains("rule") { result.append(Run(text: "", isBreak: true)); continue }
                if name == "figure" || name == "img" { continue }
                var inner = Self.style(for: node, inheriting: style)
                inner.alignment = style.alignment
                runs(children, style: inner, into: &result)
            }
        }
    }

    /// `text` with each run of white space (but the no-break space) made one space, and none at
    /// a line's start; by scalars, so a combining mark after a space is kept, not dropped with it.
    static func collapsingWhitespace(_ text: String, atLineStart: inout Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
                : scalar != "\u{A0}" && scalar.properties.isWhitespace
            if isSpace {
                if !atLineStart && !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = !atLineStart || lastWasSpace
            } else {
                result.unicodeScalars.append(scalar)
                atLineStart = false
                lastWasSpace = false
            }
        }
        return result
    }

    /// Removes the spaces at the end of `text`.
    static func dropTrailingSpaces(_ text: inout String) {
        while text.utf8.last == 0x20 { text.removeLast() }
    }

    /// One `<w:p>` from inline nodes, whitespace collapsed as a browser would; "" when it has no text.
    mutating func paragraph(_ nodes: [HTMLNode], style: ParagraphStyle) -> String {
        var collected: [Run] = []
        runs(nodes, style: style, into: &collected)
        // Collapse whitespace; drop it at the start, the end and around line breaks.
        var atLineStart = true
        for index in collected.indices {
            if collected[index].isBreak { atLineStart = true; continue }
            collected[index].text = Self.collapsingWhitespace(collected[index].text, atLineStart: &atLineStart)
        }
        for index in collected.indices {
            if collected[index].isBreak {
                var back = index - 1
                while back >= 0, !collected[back].isBreak {
                    Self.dropTrailingSpaces(&collected[back].text)
                    if !collected[back].text.isEmpty { break }
                    back -= 1
                }
            }
        }
        if let last = collected.lastIndex(where: { !$0.isBreak }) {
            var back = last
            while back >= 0 {
                Self.dropTrailingSpaces(&collected[back].text)
                if !collected[back].text.isEmpty || collected[back].isBreak { break }
                back -= 1
            }
        }
        while collected.last?.isBreak == true { collected.removeLast() }
        guard collected.contains(where: { !$0.text.isEmpty }) else { return "" }
        if let bullet = style.bullet { collected.insert(Run(text: bullet, size: style.size), at: 0) }

        var xml = "<w:p><w:pPr>"
        if let heading = style.heading { xml += "<w:pStyle w:val=\"\(heading)\"/>" }
        if style.keepNext { xml += "<w:keepNext/>" }
        if style.spacingBefore != nil || style.spacingAfter != nil {
            xml += "<w:spacing" + (style.spacingBefore.map { " w:before=\"\($0)\"" } ?? "") + (style.spacingAfter.map { " w:after=\"\($0)\"" } ?? "") + "/>"
        }
        if let alignment = style.alignment { xml += "<w:jc w:val=\"\(alignment)\"/>" }
        xml += "</w:pPr>"
        for run in collected {
            if run.isBreak { xml += "<w:r><w:br/></w:r>"; continue }
            guard !run.text.isEmpty else { continue }
            var properties = ""
            if run.bold { properties += "<w:b/><w:bCs/>" }
            if run.italic { properties += "<w:i/><w:iCs/>" }
            if let size = run.size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            if run.underline { properties += "<w:u w:val=\"single\"/>" }  // after the size: Word checks the order
            xml += "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
                + "<w:t xml:space=\"preserve\">\(XMLText.escaped(run.text))</w:t></w:r>"
        }
        return xml + "</w:p>"
    }
}
