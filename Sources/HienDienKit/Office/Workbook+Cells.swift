extension Workbook {
    /// The cells of one sheet as texts, by row and column (both 1-based).
    struct Cells {
        var rows: [Int: [Int: String]] = [:]
        /// Merged ranges: the top-left cell holds the value, the others are empty.
        var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
        /// Cells holding a formula with no value computed and saved with it.
        var formulasWithoutValue: [(row: Int, column: Int, formula: String)] = []

        subscript(row: Int, column: Int) -> String? { rows[row]?[column] }
    }

    /// Excel's limits: 1,048,576 rows by 16,384 columns (`XFD`).
    static let maxRows = 1 << 20
    static let maxColumns = 1 << 14

    /// `D7` for row 7, column 4.
    static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var rest = column
        while rest > 0 {
            let remainder = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            rest = (rest - 1) / 26
        }
        return letters + String(row)
    }

    /// A sheet name as a reference writes it: `Sheet1`, or `'Báo cáo'` when it holds more than letters and digits.
    static func quoted(_ name: String) -> String {
        name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }) && !name.isEmpty
            ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Row and column of `D7` (a `$` is allowed); nil when it is not a cell reference in Excel's grid.
    static func position(of reference: Substring) -> (row: Int, column: Int)? {
        var column = 0, row = 0, sawDigit = false
        for scalar in reference.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 65...90 where !sawDigit: column = column * 26 + Int(scalar.value - 64)
            case 97...122 where !sawDigit: column = column * 26 + Int(scalar.value - 96)
            case 48...57: sawDigit = true; row = row * 10 + Int(scalar.value - 48)
            default: return nil
            }
            if column > maxColumns || row > maxRows { return nil }
        }
        return row >= 1 && column >= 1 ? (row, column) : nil
    }

    /// Reads the cells of `sheet`: shared and inline strings, numbers (whole numbers without a
    /// decimal point; date-formatted numbers as `YYYY-MM-DD`), booleans, formula results.
    mutating func cells(of sheet: Sheet) throws -> Cells {
        guard let bytes = try archive.data(sheet.part) else {
            throw InputError(Diagnostic(at: SourceLocation(file: label), code: "xlsx.corrupt",
                                        message: "the sheet '\(sheet.name)' has no part '\(sheet.part)' in the file",
                                        hint: "open the file in Excel or LibreOffice and save it again"))
        }
        var cells = Cells()
        var row = 0, column = 0
        var type = "n", style = 0
        var value: String?, formula: String?, inline = ""
        var reading: String?  // "v", "f" or "t" (inside <is>)
        var inInline = false, inCell = false, inSheetData = false
        let label = self.label
        let sheetName = sheet.name
        func fail(_ message: String) -> InputError {
            InputError(Diagnostic(at: SourceLocation(file: label, cell: "\(Self.quoted(sheetName))!\(Self.reference(row: max(row, 1), column: max(column, 1)))"),
                                  code: "xlsx.cell-invalid", message: message, hint: "open the file in Excel or LibreOffice and save it again"))
        }
        try XMLReader.parse(bytes, part: sheet.part, label: label) { event in
            switch event {
            case .start("sheetData", _): inSheetData = true
            case .end("sheetData"): inSheetData = false
            case .start("row", let attributes) where inSheetData:
                if let text = attributes["r"] {
                    guard let number = Int(text), number > row, number <= Self.maxRows else { throw fail("a row number '\(text)' out of order") }
                    row = number
                } else {
                    row += 1
                }
                column = 0
            case .start("c", let attributes) where inSheetData:
                if let reference = attributes["r"] {
                    guard let position = Self.position(of: reference[...]), position.row == row, position.column > column else {
                        throw fail("a cell reference '\(reference)' out of place")
                    }
                    column = position.column
                } else {
                    column += 1
                    guard column <= Self.maxColumns else { throw fail("more than \(Self.maxColumns) columns") }
                }
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap { Int($0) } ?? 0
                value = nil; formula = nil; inline = ""
                reading = nil  // a cell never continues the text of an unclosed one before it
                inCell = true
            case .start("v", _) where inCell: reading = "v"; value = value ?? ""
            case .start("f", _) where inCell: reading = "f"; formula = formula ?? ""
            case .start("is", _) where inCell: inInline = true
            case .end("is"): inInline = false
            case .start("rPh", _) where inInline: reading = "phonetic"
            case .start("t", _) where inInline && reading != "phonetic": reading = "t"
            case .end("v"), .end("f"), .end("t"), .end("rPh"): reading = nil
            case .text(let text):
                switch reading {
                case "v": value = (value ?? "") + text
                case "f": formula = (formula ?? "") + text
                case "t": inline += text
                default: break
                }
            case .end("c") where inCell:
                inCell = false
                if let formula, value == nil {
                    cells.formulasWithoutValue.append((row, column, formula))
                    return
                }
                let text: String?
                switch type {
                case "s":
                    guard let index = value.flatMap({ Int($0.trimmingWhitespace()) }), sharedStrings.indices.contains(index) else {
                        throw fail("a shared string index '\(value ?? "")' that the workbook does not have")
                    }
                    text = sharedStrings[index]
                case "inlineStr": text = inline
                case "b": text = value.map { $0.trimmingWhitespace() == "1" ? "TRUE" : "FALSE" }  // never a count
                case "str", "e", "d": text = value
                default: text = value.map { number($0, style: style) }
                }
                if let text, !text.isEmpty { cells.rows[row, default: [:]][column] = text }
            case .start("mergeCell", let attributes):
                let parts = (attributes["ref"] ?? "").split(separator: ":")
                if parts.count == 2, let from = Self.position(of: parts[0]), let to = Self.position(of: parts[1]),
                   from.row <= to.row, from.column <= to.column {
                    cells.merges.append((from.row, from.column, to.row, to.column))
                }
            default: break
            }
        }
        return cells
    }

    /// A number cell's text: a whole number without decimals (`1250`, not `1250.0`), a date
    /// as `YYYY-MM-DD` when the cell's format shows a date, else the number as saved.
    private func number(_ raw: String, style: Int) -> String {
        let text = raw.trimmingWhitespace()
        guard let double = Double(text) else { return text }
        if dateStyles.indices.contains(style), dateStyles[style], let day = day(fromSerial: double) {
            return day.description
        }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return text
    }
}
