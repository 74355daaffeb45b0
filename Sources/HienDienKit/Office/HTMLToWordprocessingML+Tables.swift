extension HTMLToWordprocessingML {
    /// What a first reading of a table gives: enough to size its columns.
    private struct TableLayout {
        var rowCount = 0
        var columnCount = 1
        var caption: Inline?
        var captionClasses = HTMLClasses()
        var percentages: [Double] = []
        /// Per column, in characters: the longest word (2 or more) and the longest text (4 or more).
        var longest: [Int] = []
        var desired: [Int] = []

        mutating func measure(column: Int, _ lengths: HTMLText.Lengths) {
            while longest.count <= column {
                longest.append(2)
                desired.append(4)
            }
            longest[column] = max(longest[column], min(lengths.longestWord, 10))  // a date, a count up to 1.000.000
            desired[column] = max(desired[column], min(lengths.length, 30))
        }
    }

    /// A `<w:tbl>` of the full `width` (twips) for the table just opened, read up to its end:
    /// header rows (`thead`) repeated on each page, rows kept whole across pages, column widths
    /// from `<colgroup>` percentages (else from the longest texts), `colspan` as grid spans.
    /// Presentation tables (the header block, the signature) have no borders; data tables have
    /// thin borders, a grey header and 13 pt text.
    ///
    /// The table is read twice: once for its column widths (holding a few numbers per column),
    /// once to write it, row by row.
    mutating func table(style: ParagraphStyle, width: Int) -> [UInt8] {
        // Only this table may stream, not one in its cells.
        let streams = mayStreamTable
        mayStreamTable = false
        let classes = reader.classes
        let isPresentation = reader.attribute("role") == "presentation" || !classes.isDisjoint(with: [.docHeader, .docFooter])
        let start = reader
        var layout = TableLayout()
        measureSection(header: false, into: &layout)
        guard layout.rowCount > 0 else { return [] }
        let widths = Self.columnWidths(layout, width: width, isPresentation: isPresentation)

        var xml: [UInt8] = []
        if let caption = layout.caption, case .element(_, _, let children) = caption {
            var captionStyle = Self.style(name: "caption", classes: layout.captionClasses, inheriting: style)
            captionStyle.spacingBefore = 120
            xml += paragraph(children, style: captionStyle)
        }
        let border = isPresentation ? "none" : "single"
        xml.append(contentsOf: "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/>".utf8)
        if !isPresentation { xml.append(contentsOf: "<w:jc w:val=\"center\"/>".utf8) }
        xml.append(contentsOf: "<w:tblBorders>".utf8)
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml.append(contentsOf: "<w:\(side) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>".utf8)
        }
        xml.append(contentsOf: "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>".utf8)
        // The header block and the signature use their columns' whole width, as the page does
        // (no cell padding): "SỞ KHOA HỌC VÀ CÔNG NGHỆ" stays on one line.
        if !classes.isDisjoint(with: [.docHeader, .docFooter]) {
            xml.append(contentsOf: "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>".utf8)
        }
        xml.append(contentsOf: "</w:tblPr><w:tblGrid>".utf8)
        for column in widths { xml.append(contentsOf: "<w:gridCol w:w=\"\(column)\"/>".utf8) }
        xml.append(contentsOf: "</w:tblGrid>".utf8)
        reader = start
        writeSection(header: false, style: style, widths: widths, isPresentation: isPresentation, streams: streams, into: &xml)
        xml.append(contentsOf: "</w:tbl>".utf8)
        // Word needs a paragraph between two tables, and after a table that ends a cell.
        xml.append(contentsOf: "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>".utf8)
        return xml
    }

    // MARK: - First reading: the layout

    /// Reads the table's (or a `thead`'s, `tbody`'s, `tfoot`'s) children up to its end.
    private mutating func measureSection(header: Bool, into layout: inout TableLayout) {
        while true {
            switch reader.next() {
            case .close, .end: return
            case .text: continue
            case .open:
                switch reader.tagName {
                case "tr": measureRow(into: &layout)
                case "thead": measureSection(header: true, into: &layout)
                case "tbody", "tfoot": measureSection(header: false, into: &layout)
                case "caption":
                    layout.captionClasses = reader.classes
                    layout.caption = inline()
                case "colgroup": layout.percentages = readColumnPercentages()
                default: reader.skipElement()
                }
            }
        }
    }

    private mutating func measureRow(into layout: inout TableLayout) {
        layout.rowCount += 1
        var column = 0
        while true {
            switch reader.next() {
            case .close, .end:
                layout.columnCount = max(layout.columnCount, column)
                return
            case .text: continue
            case .open:
                guard reader.tagName == "td" || reader.tagName == "th" else {
                    reader.skipElement()
                    continue
                }
                let span = Self.span(reader.attribute("colspan"))
                if span == 1 {
                    layout.measure(column: column, cellLengths())
                } else {
                    reader.skipElement()
                }
                column += span
            }
        }
    }

    /// The lengths of the text of the cell just opened (a line break counts as "\n"), read up to its end.
    private mutating func cellLengths() -> HTMLText.Lengths {
        var lengths = HTMLText.Lengths()
        var depth = 1
        while depth > 0 {
            switch reader.next() {
            case .open:
                if reader.tagName == "br" {
                    let newline: InlineArray<1, UInt8> = [0x0A]
                    lengths.add(newline.span)
                }
                depth += 1
            case .close: depth -= 1
            case .text(let range):
                let (bytes, range) = reader.text(range)
                if HTMLText.hasReference(bytes, range) {
                    decoded.removeAll(keepingCapacity: true)
                    HTMLText.appendDecoded(bytes, range, to: &decoded)
                    lengths.add(decoded.span)
                } else {
                    lengths.add(bytes.span.extracting(range))
                }
            case .end: return lengths
            }
        }
        return lengths
    }

    /// The percentages of a `colgroup`'s `col` widths (0 where a column gives none), read up to its end.
    private mutating func readColumnPercentages() -> [Double] {
        var percentages: [Double] = []
        while true {
            switch reader.next() {
            case .close, .end: return percentages
            case .text: continue
            case .open:
                if reader.tagName == "col" {
                    let style = (reader.attribute("style") ?? "") + ";" + (reader.attribute("width") ?? "")
                    percentages.append(Self.firstPercentage(in: style) ?? 0)
                }
                reader.skipElement()
            }
        }
    }

    /// The number before the first `%` that follows a run of digits and dots (`width: 24.5%`),
    /// as the pattern `[0-9.]+%` finds it; nil when there is none, 0 when the run is no number.
    /// (By hand, not by a regular expression: ICU's engine cost the national run 2 MB of memory.)
    static func firstPercentage(in text: String) -> Double? {
        let bytes = Array(text.utf8)
        var position = 0
        while position < bytes.count {
            let start = position
            while position < bytes.count, (bytes[position] >= 0x30 && bytes[position] <= 0x39) || bytes[position] == 0x2E { position += 1 }
            if position > start, position < bytes.count, bytes[position] == UInt8(ascii: "%") {
                return Double(String(decoding: bytes[start..<position], as: UTF8.self)) ?? 0
            }
            position = max(position, start + 1)
        }
        return nil
    }

    /// Column widths in twips: from the percentages when every column has one; else each column
    /// at least as wide as its longest word (so that numbers and dates do not break), the rest
    /// shared by how much longer a column's texts are, as a browser shares it.
    private static func columnWidths(_ layout: TableLayout, width: Int, isPresentation: Bool) -> [Int] {
        let columnCount = layout.columnCount
        let twipsPerCharacter = 130
        let longest = (0..<columnCount).map { $0 < layout.longest.count ? layout.longest[$0] : 2 }
        let desired = (0..<columnCount).map { $0 < layout.desired.count ? layout.desired[$0] : 4 }
        let minimum = longest.map { ($0 + 1) * twipsPerCharacter }
        let percentages = layout.percentages
        var widths: [Int]
        if percentages.count == columnCount, percentages.allSatisfy({ $0 > 0 }) {
            let total = percentages.reduce(0, +)
            widths = percentages.map { Int(Double(width) * $0 / total) }
        } else if isPresentation && columnCount == 2 {
            widths = [width * 42 / 100, width - width * 42 / 100]  // the decree's header block
        } else {
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
        return widths
    }

    // MARK: - Second reading: the rows

    private mutating func writeSection(header: Bool, style: ParagraphStyle, widths: [Int], isPresentation: Bool, streams: Bool, into xml: inout [UInt8]) {
        while true {
            switch reader.next() {
            case .close, .end: return
            case .text: continue
            case .open:
                switch reader.tagName {
                case "tr":
                    writeRow(header: header, style: style, widths: widths, isPresentation: isPresentation, into: &xml)
                    // Whole rows go out as they are written: the same bytes in the same order.
                    if streams && xml.count > 1 << 16 {
                        emit(xml)
                        xml.removeAll(keepingCapacity: true)
                    }
                case "thead": writeSection(header: true, style: style, widths: widths, isPresentation: isPresentation, streams: streams, into: &xml)
                case "tbody", "tfoot": writeSection(header: false, style: style, widths: widths, isPresentation: isPresentation, streams: streams, into: &xml)
                default: reader.skipElement()  // the caption and columns were read the first time
                }
            }
        }
    }

    private mutating func writeRow(header: Bool, style: ParagraphStyle, widths: [Int], isPresentation: Bool, into xml: inout [UInt8]) {
        let columnCount = widths.count
        xml.append(contentsOf: "<w:tr><w:trPr><w:cantSplit/>".utf8)
        if header { xml.append(contentsOf: "<w:tblHeader/>".utf8) }
        xml.append(contentsOf: "</w:trPr>".utf8)
        var rowStyle = Self.style(name: "tr", classes: reader.classes, inheriting: style)
        rowStyle.spacingBefore = isPresentation ? 0 : 40
        rowStyle.spacingAfter = isPresentation ? 0 : 40
        if !isPresentation { rowStyle.size = min(rowStyle.size ?? 26, 26) }
        var column = 0
        while true {
            switch reader.next() {
            case .close, .end:
                if column < columnCount {  // a short row: pad it, as a browser leaves the cells empty
                    for missing in column..<columnCount {
                        xml.append(contentsOf: "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[missing])\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>".utf8)
                    }
                }
                xml.append(contentsOf: "</w:tr>".utf8)
                return
            case .text: continue
            case .open:
                let name = reader.tagName
                guard name == "td" || name == "th" else {
                    reader.skipElement()
                    continue
                }
                let span = min(Self.span(reader.attribute("colspan")), max(1, columnCount - column))
                let cellWidth = widths[min(column, widths.count - 1)..<min(column + span, widths.count)].reduce(0, +)
                column += span
                var cellStyle = Self.style(name: name, classes: reader.classes, inheriting: rowStyle)
                if cellStyle.alignment == nil { cellStyle.alignment = isPresentation ? "center" : "left" }
                var content = blocks(style: cellStyle, width: cellWidth, topLevel: false)
                if content.isEmpty || content.ends(with: "</w:tbl>".utf8) { content.append(contentsOf: "<w:p/>".utf8) }
                xml.append(contentsOf: "<w:tc><w:tcPr><w:tcW w:w=\"".utf8)
                xml.appendDecimal(cellWidth)
                xml.append(contentsOf: "\" w:type=\"dxa\"/>".utf8)
                if span > 1 {
                    xml.append(contentsOf: "<w:gridSpan w:val=\"".utf8)
                    xml.appendDecimal(span)
                    xml.append(contentsOf: "\"/>".utf8)
                }
                if name == "th" && !isPresentation {
                    xml.append(contentsOf: "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/><w:vAlign w:val=\"center\"/>".utf8)
                }
                xml.append(contentsOf: "</w:tcPr>".utf8)
                xml += content
                xml.append(contentsOf: "</w:tc>".utf8)
            }
        }
    }

    private static func span(_ colspan: String?) -> Int {
        max(1, min(Int(colspan ?? "1") ?? 1, 64))
    }
}

extension [UInt8] {
    func ends(with suffix: String.UTF8View) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
