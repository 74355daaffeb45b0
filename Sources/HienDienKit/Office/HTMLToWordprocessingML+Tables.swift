extension HTMLToWordprocessingML {
    private struct Row {
        var cells: [HTMLNode]
        var isHeader: Bool
        var node: HTMLNode
    }

    /// A `<w:tbl>` of the full `width` (twips): header rows (`thead`) repeated on each page,
    /// rows kept whole across pages, column widths from `<colgroup>` percentages (else equal),
    /// `colspan` as grid spans. Presentation tables (the header block, the signature) have no
    /// borders; data tables have thin borders, a grey header and 13 pt text.
    mutating func table(_ node: HTMLNode, style: ParagraphStyle, width: Int) -> String {
        // Only this table may stream, not one in its cells.
        let streams = mayStreamTable
        mayStreamTable = false
        let isPresentation = node.attributes["role"] == "presentation" || !node.classes.isDisjoint(with: ["doc-header", "doc-footer"])
        var rows: [Row] = []
        var caption: HTMLNode?
        var percentages: [Double] = []
        func collect(_ children: [HTMLNode], header: Bool) {
            for child in children {
                switch child.name {
                case "tr": rows.append(Row(cells: child.children.filter { $0.name == "td" || $0.name == "th" }, isHeader: header, node: child))
                case "thead": collect(child.children, header: true)
                case "tbody", "tfoot": collect(child.children, header: false)
                case "caption": caption = child
                case "colgroup":
                    percentages = child.children.filter { $0.name == "col" }.map { column in
                        let style = (column.attributes["style"] ?? "") + ";" + (column.attributes["width"] ?? "")
                        guard let range = style.range(of: #"[0-9.]+%"#, options: .regularExpression) else { return 0 }
                        return Double(style[range].dropLast()) ?? 0
                    }
                default: break
                }
            }
        }
        collect(node.children, header: false)
        let columnCount = max(1, rows.map { $0.cells.reduce(0) { $0 + Self.span($1) } }.max() ?? 1)
        // Each column at least as wide as its longest word, so that numbers and dates do not break.
        let twipsPerCharacter = 130
        var longest = Array(repeating: 2, count: columnCount), desired = Array(repeating: 4, count: columnCount)
        for row in rows {
            var column = 0
            for cell in row.cells {
                let span = Self.span(cell)
                if span == 1, column < columnCount {
                    let (word, length) = Self.lengths(cell.text)
                    longest[column] = max(longest[column], min(word, 10))  // a date, a count up to 1.000.000
                    desired[column] = max(desired[column], min(length, 30))
                }
                column += span
            }
        }
        let minimum = longest.map { ($0 + 1) * twipsPerCharacter }
        var widths: [Int]
        if percentages.count == columnCount, percentages.allSatisfy({ $0 > 0 }) {
            let total = percentages.reduce(0, +)
            widths = percentages.map { Int(Double(width) * $0 / total) }
        } else if isPresentation && columnCount == 2 {
            widths = [width * 42 / 100, width - width * 42 / 100]  // the decree's header block
        } else {
            // As a browser would: the rest shared by how much longer a column's texts are (up to 30 characters).
            let extra = zip(desired, longest).map { max(0, $0 - $1 - 1) * twipsPerCharacter }
            if minimum.reduce(0, +) >= width || extra.reduce(0, +) == 0 {
                let total = max(1, minimum.reduce(0, +))
                widths = minimum.map { width * $0 / total }
            } else {
                let spare = width - minimum.reduce(0, +), total = extra.reduce(0, +)
                widths = zip(minimum, extra).map { $0 + spare * $1 / total }
            }
        }
        if !isPresentation && minimum.reduce(0, +) < width {
            // Widen a column narrower than its longest word, taking the width from the widest.
            for column in widths.indices where widths[column] < minimum[column] {
                let lacking = minimum[column] - widths[column]
                if let donor = widths.indices.filter({ widths[$0] - minimum[$0] >= lacking }).max(by: { widths[$0] - minimum[$0] < widths[$1] - minimum[$1] }) {
                    widths[donor] -= lacking
                    widths[column] += lacking
                }
            }
        }
        widths[widths.count - 1] += width - widths.reduce(0, +)

        var xml = ""
        guard !rows.isEmpty else { return "" }
        if let caption {
            var captionStyle = Self.style(for: caption, inheriting: style)
            captionStyle.spacingBefore = 120
            xml += paragraph(caption.children, style: captionStyle)
        }
        let border = isPresentation ? "none" : "single"
        xml += "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + (isPresentation ? "" : "<w:jc w:val=\"center\"/>")
            + "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
            }.joined() + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr>"
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/>" + (row.isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
            var rowStyle = Self.style(for: row.node, inheriting: style)
            rowStyle.spacingBefore = isPresentation ? 0 : 40
            rowStyle.spacingAfter = isPresentation ? 0 : 40
            if !isPresentation { rowStyle.size = min(rowStyle.size ?? 26, 26) }
            var column = 0
            for cell in row.cells {
                let span = min(Self.span(cell), max(1, columnCount - column))
                let cellWidth = widths[min(column, widths.count - 1)..<min(column + span, widths.count)].reduce(0, +)
                column += span
                var cellStyle = Self.style(for: cell, inheriting: rowStyle)
                if isPresentation && cellStyle.alignment == nil { cellStyle.alignment = "center" }
                if !isPresentation && cellStyle.alignment == nil { cellStyle.alignment = "left" }
                var content = blocks(cell.children, style: cellStyle, width: cellWidth, topLevel: false)
                if content.isEmpty || content.hasSuffix("</w:tbl>") { content += "<w:p/>" }
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(cellWidth)\" w:type=\"dxa\"/>" + (span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : "")
                    + (cell.name == "th" && !isPresentation ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/><w:vAlign w:val=\"center\"/>" : "")
                    + "</w:tcPr>" + content + "</w:tc>"
            }
            if column < columnCount {  // a short row: pad it, as a browser leaves the cells empty
                for missing in column..<columnCount { xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[missing])\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>" }
            }
            xml += "</w:tr>"
            // The same strings in the same order as one string would give: the same document.
            if streams && xml.utf8.count > 1 << 20 {
                emit(xml)
                xml = ""
            }
        }
        xml += "</w:tbl>"
        // Word needs a paragraph between two tables, and after a table that ends a cell.
        return xml + "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>"
    }

    /// The longest word of `text` and its whole length, in characters as a reader counts them:
    /// by scalars, a combining mark (U+0300–U+036F, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F)
    /// adding nothing to its letter — the same as counting Characters for the report's text,
    /// without the cost of finding grapheme boundaries in every cell of a national table.
    static func lengths(_ text: String) -> (longestWord: Int, length: Int) {
        var longest = 0, word = 0, length = 0, lastWasCR = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x300...0x36F).contains(value) || (0x1DC0...0x1DFF).contains(value)
                || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value) {
                lastWasCR = false
                continue
            }
            if scalar == "\n" && lastWasCR { lastWasCR = false; continue }  // "\r\n" is one character
            lastWasCR = scalar == "\r"
            length += 1
            if scalar.properties.isWhitespace {
                longest = max(longest, word)
                word = 0
            } else {
                word += 1
            }
        }
        return (max(longest, word), length)
    }

    private static func span(_ cell: HTMLNode) -> Int {
        max(1, min(Int(cell.attributes["colspan"] ?? "1") ?? 1, 64))
    }
}
