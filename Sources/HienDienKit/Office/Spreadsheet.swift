/// A workbook to write as `.xlsx` (SpreadsheetML): sheets of typed cells with a small fixed set
/// of styles, column widths, a frozen header row, filters, protection and data validation.
///
/// Written byte for byte the same for the same content (see `ZipWriter`), with each text once
/// in the shared strings (`xl/sharedStrings.xml`) and numbers as numbers.
struct Spreadsheet {
    /// The cell styles of `styles.xml`, by their index in `cellXfs`.
    enum Style: Int {
        case normal = 0
        /// Bold on grey, bordered, wrapped: a table's header row.
        case header
        /// Bordered text, locked when the sheet is protected.
        case text
        /// Bordered whole number (`#,##0`), open for input on a protected sheet.
        case inputCount
        /// Bordered text, open for input.
        case inputText
        /// Bordered date (`dd/mm/yyyy`), open for input.
        case inputDate
        /// Bordered whole number, `#,##0` (shows 1.250 with Vietnamese settings).
        case count
        /// Bordered percentage with one decimal.
        case percent
        /// Bold, larger: a sheet's title line.
        case title
        /// Wrapped text without border: instructions.
        case wrapped
        /// Bordered date, `dd/mm/yyyy`.
        case date
        /// Bordered number with up to two decimals.
        case decimal
    }

    enum Value {
        case text(String)
        case number(Double)
        case day(Day)
        case blank
    }

    struct Cell {
        var value: Value
        var style: Style

        static func text(_ text: String, _ style: Style = .text) -> Cell { Cell(value: .text(text), style: style) }
        static func number(_ number: Double, _ style: Style = .count) -> Cell { Cell(value: .number(number), style: style) }
        static func blank(_ style: Style = .normal) -> Cell { Cell(value: .blank, style: style) }
    }

    /// Whole numbers at least `minimum` (blank allowed) in `range`, e.g. `F2:F20`.
    struct Validation {
        var range: String
        var minimum: Int
        var title: String
        var message: String
    }

    /// Rows made one at a time as the sheet is written, so that a national report's table of
    /// figures (84,000 rows) is never held as cells.
    struct GeneratedRows {
        var count: Int
        /// Cells in the widest row.
        var width: Int
        /// The row at an index from 0 to `count - 1`.
        var row: (Int) -> [Cell]
    }

    struct Sheet {
        /// At most 31 characters, none of `[]:*?/\`.
        var name: String
        var rows: [[Cell]] = []
        /// Rows after `rows`, made as they are written.
        var generatedRows: GeneratedRows?
        /// Widths in characters, by column.
        var columnWidths: [Double] = []
        /// Rows kept in view when scrolling (the header).
        var frozenRows = 0
        /// Filter buttons on the first row over the used range.
        var autoFilter = false
        /// Locked cells cannot be changed (no password: it guards against slips, not people).
        var isProtected = false
        var validations: [Validation] = []
    }

    var sheets: [Sheet]

    /// The `.xlsx` package.
    func bytes() -> [UInt8] {
        var zip = ZipWriter()
        package(into: &zip)
        return zip.finished()
    }

    /// The `.xlsx` package written into `file` as it is made: only the sheet being deflated and
    /// the shared texts are held, not the archive. Throws the first error writing it.
    func write(into file: OutputFiles.NewFile) throws {
        var zip = ZipWriter(writingTo: file)
        package(into: &zip)
        try zip.finish()
    }

    private func package(into zip: inout ZipWriter) {
        zip.add("[Content_Types].xml", text: OPCPackage.contentTypes([
            ("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
            ("/xl/styles.xml", "spreadsheetml.styles+xml"),
            ("/xl/sharedStrings.xml", "spreadsheetml.sharedStrings+xml"),
        ] + sheets.indices.map { ("/xl/worksheets/sheet\($0 + 1).xml", "spreadsheetml.worksheet+xml") }))
        zip.add("_rels/.rels", text: OPCPackage.relationships([.init(id: "rId1", type: .officeDocument, target: "xl/workbook.xml")]))
        var list = "", names = ""
        for (index, sheet) in sheets.enumerated() {
            list += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            if sheet.autoFilter, let range = usedRange(sheet) {
                names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'!\(absolute(range))</definedName>"
            }
        }
        zip.add("xl/workbook.xml", text: OPCPackage.declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(list)</sheets>\(names.isEmpty ? "" : "<definedNames>\(names)</definedNames>")</workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", text: OPCPackage.relationships(
            sheets.indices.map { .init(id: "rId\($0 + 1)", type: .worksheet, target: "worksheets/sheet\($0 + 1).xml") }
                + [.init(id: "rId\(sheets.count + 1)", type: .styles, target: "styles.xml"),
                   .init(id: "rId\(sheets.count + 2)", type: .sharedStrings, target: "sharedStrings.xml")]))
        zip.add("xl/styles.xml", text: OPCPackage.declaration + Self.styles)
        // The table is filled as the sheets are written, and written after them.
        var strings = SharedStringTable()
        for (index, sheet) in sheets.enumerated() {
            worksheet(sheet, strings: &strings, as: "xl/worksheets/sheet\(index + 1).xml", into: &zip)
        }
        zip.add("xl/sharedStrings.xml", strings.part())
    }


    /// Fonts: Times New Roman 12, bold, bold 14. Fills: none, gray125 (required), light grey.
    /// Number formats: 3 `#,##0`, 164 `dd/mm/yyyy`, 165 `0.0%`, 166 `#,##0.##`.
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/>\
        <numFmt numFmtId="166" formatCode="#,##0.##"/></numFmts>\
        <fonts count="3"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>\
        <font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>\
        <font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>\
        <top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="12">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment vertical="top"/><protection locked="0"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment vertical="top" wrapText="1"/><protection locked="0"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment vertical="top"/><protection locked="0"/></xf>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>\
        <xf numFmtId="166" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    func usedRange(_ sheet: Sheet) -> String? {
        let width = max(sheet.rows.map(\.count).max() ?? 0, sheet.generatedRows?.width ?? 0)
        guard width > 0 else { return nil }
        return "A1:" + Workbook.reference(row: sheet.rows.count + (sheet.generatedRows?.count ?? 0), column: width)
    }

    private func absolute(_ range: String) -> String {
        range.split(separator: ":").map { part in
            let letters = part.prefix { $0.isLetter }
            return "$\(letters)$\(part.dropFirst(letters.count))"
        }.joined(separator: ":")
    }
}
