extension Spreadsheet {
    /// The sheet's XML as the archive's entry `name`, written row by row into a buffer that is
    /// deflated into the archive a megabyte at a time (a national report's table of figures is
    /// 84,000 rows); a text cell holds the index of its text in `strings`, where each text is
    /// escaped once.
    func worksheet(_ sheet: Sheet, strings: inout SharedStringTable, as name: String, into zip: inout ZipWriter) {
        let deflated = DeflateStream()
        zip.beginEntry(name)
        var xml = WorksheetBytes()
        xml.append(OPCPackage.declaration + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        xml.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")  // printed one page wide
        let range = usedRange(sheet)
        if let range { xml.append("<dimension ref=\"\(range)\"/>") }
        xml.append("<sheetViews><sheetView workbookViewId=\"0\">")
        if sheet.frozenRows > 0 {
            let topLeft = "A\(sheet.frozenRows + 1)"
            xml.append("<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>")
        }
        xml.append("</sheetView></sheetViews>")
        if !sheet.columnWidths.isEmpty {
            xml.append("<cols>" + sheet.columnWidths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }.joined() + "</cols>")
        }
        xml.append("<sheetData>")
        var rowNumber = 0
        func write(_ row: [Cell]) {
            rowNumber += 1
            xml.row(row, number: rowNumber, lines: Self.wrappedLines(row, widths: sheet.columnWidths), strings: &strings)
            if xml.bytes.count > 1 << 20 {
                deflated.write(xml.bytes)
                xml.bytes.removeAll(keepingCapacity: true)
                zip.appendEntry(deflated.takePacked())
            }
        }
        sheet.rows.forEach(write)
        if let generated = sheet.generatedRows {
            for index in 0..<generated.count { write(generated.row(index)) }
        }
        xml.append("</sheetData>")
        if sheet.isProtected {
            xml.append("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" autoFilter=\"0\"/>")
        }
        if sheet.autoFilter, let range { xml.append("<autoFilter ref=\"\(range)\"/>") }
        if !sheet.validations.isEmpty {
            xml.append("<dataValidations count=\"\(sheet.validations.count)\">")
            for validation in sheet.validations {
                xml.append("<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                    + " errorTitle=\"\(XMLText.escaped(validation.title))\" error=\"\(XMLText.escaped(validation.message))\""
                    + " promptTitle=\"\(XMLText.escaped(validation.title))\" prompt=\"\(XMLText.escaped(validation.message))\""
                    + " sqref=\"\(validation.range)\"><formula1>\(validation.minimum)</formula1></dataValidation>")
            }
            xml.append("</dataValidations>")
        }
        xml.append("<pageMargins left=\"0.59\" right=\"0.39\" top=\"0.79\" bottom=\"0.79\" header=\"0.3\" footer=\"0.3\"/>")
        xml.append("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>")
        deflated.write(xml.bytes)
        let whole = deflated.finish()
        zip.appendEntry(whole.packed)
        zip.finishEntry(crc: whole.crc, count: whole.count)
    }

    /// How many lines the row's wrapped texts take at the column widths (office suites do not
    /// size rows to wrapped text on opening, so the height is written).
    static func wrappedLines(_ row: [Cell], widths: [Double]) -> Int {
        var lines = 1
        for (index, cell) in row.enumerated() {
            switch cell.style {
            case .text, .inputText, .wrapped, .header: break
            default: continue
            }
            guard case .text(let text) = cell.value, index < widths.count else { continue }
            let perLine = max(1, Int(widths[index] * 0.95))
            lines = max(lines, lineCount(text, perLine: perLine))
        }
        return lines
    }

    /// The lines `text` takes at `perLine` characters a line: each of its lines (split at
    /// `\n`) takes at least one. Characters are counted from the UTF-8 when every scalar is
    /// one that no neighbour joins into a character (Vietnamese letters, precomposed, among
    /// them), and as `Character`s otherwise.
    static func lineCount(_ text: String, perLine: Int) -> Int {
        let counted: Int? = {
            let bytes = text.utf8.span
            // The UTF-8 length bounds the characters: a short text with one line takes one.
            if bytes.count <= perLine && !text.utf8.contains(UInt8(ascii: "\n")) { return 1 }
            var needed = 0
            var length = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    needed += max(1, (length + perLine - 1) / perLine)
                    length = 0
                    index += 1
                } else if byte == UInt8(ascii: "\r") {
                    return nil  // `\r\n` is one character
                } else if byte < 0x80 {
                    length += 1
                    index += 1
                } else {
                    let scalar = TemplateEscaping.scalar(in: bytes, at: index)
                    guard scalar.value < 0x2B0 || (0x1E00...0x1EFF).contains(scalar.value)
                        || (0x2010...0x2027).contains(scalar.value) else { return nil }
                    length += 1
                    index += scalar.value < 0x800 ? 2 : 3
                }
            }
            return needed + max(1, (length + perLine - 1) / perLine)
        }()
        if let counted { return counted }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .reduce(0) { $0 + max(1, ($1.count + perLine - 1) / perLine) }
    }

    /// A number as SpreadsheetML writes it: whole numbers without a decimal point.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// A worksheet's XML being written as UTF-8.
struct WorksheetBytes {
    var bytes: [UInt8] = []
    /// Column letters by column index from 0: `A`, `B`, … (grown as needed).
    private var columnLetters: [[UInt8]] = []
    /// Day 0 of a spreadsheet's dates.
    private static let epoch = Day(year: 1899, month: 12, day: 30)!

    init() {
        bytes.reserveCapacity((1 << 20) + 64 * 1024)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(decimal value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = InlineArray<20, UInt8>(repeating: 0)
        var count = 0
        repeat {
            digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0
        for index in (20 - count)..<20 { bytes.append(digits[index]) }
    }

    /// `<row …>` with its cells and `</row>`.
    mutating func row(_ row: [Spreadsheet.Cell], number: Int, lines: Int, strings: inout SharedStringTable) {
        append("<row r=\"")
        append(decimal: number)
        if lines > 1 {
            append("\" ht=\"" + Spreadsheet.format(Double(lines) * 15.75) + "\" customHeight=\"1\">")
        } else {
            append("\">")
        }
        for (column, cell) in row.enumerated() {
            let hasStyle = cell.style != .normal
            if case .blank = cell.value, !hasStyle { continue }
            append("<c r=\"")
            reference(row: number, column: column)
            append("\"")
            if hasStyle {
                append(" s=\"")
                append(decimal: cell.style.rawValue)
                append("\"")
            }
            switch cell.value {
            case .blank:
                append("/>")
            case .text(let text):
                append(" t=\"s\"><v>")
                append(decimal: strings.index(of: text))
                append("</v></c>")
            case .number(let number):
                append("><v>")
                if number == number.rounded(), abs(number) < 1e15 {
                    append(decimal: Int(number))
                } else {
                    append(String(number))
                }
                append("</v></c>")
            case .day(let day):
                append("><v>")
                append(decimal: Self.epoch.days(to: day))
                append("</v></c>")
            }
        }
        append("</row>")
    }

    /// `A1`-style reference of a cell, its column from 0.
    private mutating func reference(row: Int, column: Int) {
        while columnLetters.count <= column {
            var letters: [UInt8] = []
            var rest = columnLetters.count + 1
            while rest > 0 {
                letters.insert(UInt8(65 + (rest - 1) % 26), at: 0)
                rest = (rest - 1) / 26
            }
            columnLetters.append(letters)
        }
        bytes.append(contentsOf: columnLetters[column])
        append(decimal: row)
    }

    /// `text` as `XMLText.escaped` makes it, byte by byte: `& < > "` escaped, the control
    /// characters XML 1.0 cannot carry (below U+0020 but tab, LF and CR; U+FFFE, U+FFFF) left out.
    mutating func escaped(_ text: String) {
        Self.escape(text, into: &bytes)
    }

    /// Appends `text` escaped as `escaped(_:)` does to `bytes`.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        do {
            let source = text.utf8.span
            var start = 0
            var index = 0
            func copyRun() {
                if index > start { bytes.append(contentsOf: text.utf8.run(start..<index)) }
            }
            while index < source.count {
                let byte = source[index]
                let replacement: String
                var skipped = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case 0..<0x20:
                    replacement = ""
                case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF
                    && (source[index + 2] == 0xBE || source[index + 2] == 0xBF):
                    replacement = ""
                    skipped = 3
                default:
                    index += 1
                    continue
                }
                copyRun()
                bytes.append(contentsOf: replacement.utf8)
                index += skipped
                start = index
            }
            copyRun()
        }
    }
}
