extension ReportIngester {
    /// The names of the blank form's sheet, which is read before any other (compared as match keys).
    static let formSheetNames = [BlankForm.sheetName, "Bieu mau", "Biểu mẫu", "Report"]

    /// Whether a file is to be read as an `.xlsx` workbook: by its extension, else by its first
    /// bytes. A `.csv` or `.json` file is never sniffed (it may be a pipe, read once).
    static func looksLikeWorkbook(path: String, label: String) throws -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return true }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".json") || lower.hasSuffix(".txt") { return false }
        let head = try FileBytes.prefix(path: path, label: label, count: 4)
        return head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0]
    }

    /// An `.xlsx` report: the form's sheet (else the first visible one), its rows read under the
    /// same rules as a CSV file — long, wide or the blank form's layout — with every problem
    /// named by sheet and cell (`bao-cao.xlsx:Sheet1!D7`).
    func ingestXLSX(path: String, file: String, options: IngestOptions) throws -> IngestSummary {
        // 32 MiB: a unit's workbook is a few kilobytes; its parts are bounded again once inflated.
        var workbook = try Workbook(bytes: try FileBytes.read(path: path, label: file, limit: 32 << 20), label: file)
        let visible = workbook.sheets.filter { !$0.isHidden }
        let formKeys = Set(Self.formSheetNames.map(VietnameseText.matchKey))
        guard let sheet = visible.first(where: { formKeys.contains(VietnameseText.matchKey($0.name)) }) ?? visible.first else {
            throw InputError(Diagnostic(at: SourceLocation(file: file), code: "xlsx.no-sheet", message: "the workbook has no visible sheet",
                                        hint: "unhide the sheet with the report (right-click a sheet tab → Unhide) and save again"))
        }
        let cells = try workbook.cells(of: sheet)
        let sheetName = Workbook.quoted(sheet.name)
        if !cells.formulasWithoutValue.isEmpty {
            var problems = DiagnosticList(cap: options.maxDiagnostics)
            for (row, column, formula) in cells.formulasWithoutValue {
                problems.append(Diagnostic(at: SourceLocation(file: file, cell: "\(sheetName)!\(Workbook.reference(row: row, column: column))"),
                                           code: "xlsx.formula-no-value", message: "the cell holds a formula whose value was never calculated and saved",
                                           offending: "=" + formula,
                                           hint: "open the workbook in Excel or LibreOffice, let it calculate, save it and send it again — or type the figure instead of the formula"))
            }
            try problems.throwIfAny()
        }
        guard !cells.rows.isEmpty else {
            throw InputError(Diagnostic(at: SourceLocation(file: file, cell: sheetName), code: "xlsx.sheet-empty",
                                        message: "the sheet '\(sheet.name)' is empty",
                                        hint: "fill in the form's sheet, or put the report on the first sheet"))
        }
        let table = SheetRecords(cells: cells, isHeader: { text in
            let key = VietnameseText.matchKey(text.trimmingWhitespace())
            return Column.byKey[key] != nil || self.resolveIndicator(text) != nil
        }, isDateHeader: { text in
            Column.byKey[VietnameseText.matchKey(text.trimmingWhitespace())] == .submitted
        }, day: { serial in workbook.day(fromSerial: serial) })
        let reader = CSVReader(bytes: table.bytes, fileLabel: file, delimiter: UInt8(ascii: ";"))
        do {
            var summary = try ingestRecords(of: reader, path: path, file: file, options: options, format: "xlsx")
            summary.sheet = sheet.name
            return summary
        } catch let error as InputError {
            throw InputError(error.diagnostics.map { table.locating($0, sheet: sheetName) }, omitted: error.omitted)
        }
    }
}

/// A sheet's rows laid out as `;`-separated records for `CSVReader`, remembering which record
/// and field each sheet row and cell became, so that diagnostics can name the cell.
///
/// The header is the first row, among the first 30, with two cells that name a column or an
/// indicator (title rows above it are passed over). When header cells are merged down over
/// more rows, those rows are one header: a column is named by its lowest text in them (a group
/// title merged across the top yields to the names below it). A value merged down over data
/// rows counts for every row it covers.
struct SheetRecords {
    private(set) var bytes: [UInt8] = []
    /// For the line each record starts on: the sheet row, and each field's first character column and sheet column.
    private var records: [Int: (row: Int, fields: [(start: Int, column: Int)])] = [:]

    /// - Parameters:
    ///   - isDateHeader: whether a header names a date column; a whole number there in the
    ///     serial range of 1960–2099 is an Excel date whose cell lost its date format.
    ///   - day: the day of an Excel serial number in the workbook's date system.
    init(cells: Workbook.Cells, isHeader: (String) -> Bool, isDateHeader: (String) -> Bool = { _ in false },
         day: (Double) -> Day? = { _ in nil }) {
        var rows = cells.rows
        let numbers = rows.keys.sorted()
        let header = numbers.prefix(30).first { number in
            (rows[number] ?? [:]).values.filter(isHeader).count >= 2
        } ?? numbers.first ?? 1
        var firstData = header + 1
        for merge in cells.merges where merge.top == header { firstData = max(firstData, merge.bottom + 1) }
        // A header over several rows (a group title merged across, the names below it): each
        // column is named by its lowest text in those rows.
        for row in (header + 1)..<max(firstData, header + 1) {
            for (column, text) in rows[row] ?? [:] { rows[header, default: [:]][column] = text }
        }
        for merge in cells.merges where merge.top >= firstData && merge.bottom > merge.top {
            guard let value = rows[merge.top]?[merge.left] else { continue }
            for row in (merge.top + 1)...merge.bottom where rows[row]?[merge.left] == nil { rows[row, default: [:]][merge.left] = value }
        }
        let dateColumns = (rows[header] ?? [:]).filter { isDateHeader($0.value) }.map(\.key)
        for number in rows.keys where number >= firstData {
            for column in dateColumns {
                if let text = rows[number]?[column], let serial = Int(text), (21_916...73_050).contains(serial),
                   let date = day(Double(serial)) {
                    rows[number]![column] = date.description
                }
            }
        }
        var line = 1
        // A sheet stores no empty cells, so a row ends at its last filled cell: every row is laid
        // out at least as wide as the header (a row is never "short" in a workbook).
        let headerWidth = rows[header]?.keys.max() ?? 1
        for number in rows.keys.sorted() where number == header || number >= firstData {
            let row = rows[number]!
            var text = ""
            var column = 1
            var fields: [(start: Int, column: Int)] = []
            for sheetColumn in 1...max(headerWidth, row.keys.max() ?? 1) {
                if sheetColumn > 1 { text += ";"; column += 1 }
                fields.append((column, sheetColumn))
                let cell = Self.quoted(row[sheetColumn] ?? "")
                text += cell
                column += cell.count
            }
            records[line] = (number, fields)
            text += "\r\n"
            bytes += Array(text.utf8)
            line += text.reduce(0) { $0 + ($1 == "\r\n" || $1 == "\n" || $1 == "\r" ? 1 : 0) }
        }
    }

    /// A cell quoted for `;`-separated CSV when it needs to be.
    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The diagnostic with its line and column made a sheet cell (`Sheet1!D7`) or row (`Sheet1!7:7`).
    func locating(_ diagnostic: Diagnostic, sheet: String) -> Diagnostic {
        var result = diagnostic
        guard let line = diagnostic.location.line, let record = records[line] else {
            if diagnostic.location.path == nil, diagnostic.location.cell == nil { result.location.cell = sheet }
            return result
        }
        if let column = diagnostic.location.column, let field = record.fields.last(where: { $0.start <= column }) {
            result.location.cell = "\(sheet)!\(Workbook.reference(row: record.row, column: field.column))"
        } else {
            result.location.cell = "\(sheet)!\(record.row):\(record.row)"
        }
        return result
    }
}
