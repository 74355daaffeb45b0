/// An `.xlsx` workbook as a unit sends it: its sheets (names, hidden state), shared strings and
/// the styles that say which numbers are dates — read from an untrusted package within bounds.
///
/// Reads what Excel, LibreOffice and Google Sheets write (SpreadsheetML, ECMA-376 Part 1 §18).
struct Workbook {
    /// One sheet as the workbook lists it.
    struct Sheet: Equatable {
        var name: String
        /// The part holding its cells, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
        /// `hidden` or `veryHidden` in the workbook: not shown, not read.
        var isHidden: Bool
    }

    let label: String
    private(set) var sheets: [Sheet] = []
    /// Dates are counted from 1904-01-01 (old Mac Excel) instead of 1899-12-30.
    private(set) var uses1904Dates = false
    private(set) var sharedStrings: [String] = []
    /// For each cell style index, whether its number format shows a date.
    private(set) var dateStyles: [Bool] = []
    var archive: ZipArchive

    /// The most shared strings read (a sheet of a million cells has fewer distinct texts).
    static let maxSharedStrings = 1_000_000

    /// Opens the package and reads its workbook, relationships, shared strings and styles.
    init(bytes: [UInt8], label: String, limits: ZipArchive.Limits = ZipArchive.Limits()) throws {
        self.label = label
        archive = try ZipArchive(bytes: bytes, label: label, limits: limits)
        guard let workbook = try archive.data("xl/workbook.xml") else {
            let isWord = archive.contains("word/document.xml")
            throw InputError(Diagnostic(at: SourceLocation(file: label), code: "xlsx.not-workbook",
                                        message: isWord ? "the file is a Word document, not an Excel workbook" : "the package holds no Excel workbook (xl/workbook.xml)",
                                        hint: "send the report as an Excel Workbook (.xlsx) or as CSV"))
        }
        var targets: [String: String] = [:]
        if let rels = try archive.data("xl/_rels/workbook.xml.rels") {
            try XMLReader.parse(rels, part: "xl/_rels/workbook.xml.rels", label: label) { event in
                if case .start("Relationship", let attributes) = event, let id = attributes["Id"], let target = attributes["Target"] {
                    targets[id] = Self.resolve(target, from: "xl/")
                }
            }
        }
        var listed: [(name: String, relation: String?, hidden: Bool, sheetID: String?)] = []
        var date1904 = false
        try XMLReader.parse(workbook, part: "xl/workbook.xml", label: label) { event in
            guard case .start(let name, let attributes) = event else { return }
            if name == "sheet", let sheetName = attributes["name"] {
                listed.append((sheetName, attributes["id"], ["hidden", "veryHidden"].contains(attributes["state"] ?? ""), attributes["sheetId"]))
            } else if name == "workbookPr", let value = attributes["date1904"] {
                date1904 = value == "1" || value == "true"
            }
        }
        uses1904Dates = date1904
        for (index, entry) in listed.enumerated() {
            let part = entry.relation.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(entry.sheetID ?? String(index + 1)).xml"
            sheets.append(Sheet(name: entry.name, part: part, isHidden: entry.hidden))
        }
        let stringsPart = targets.values.first { $0.hasSuffix("sharedStrings.xml") } ?? "xl/sharedStrings.xml"
        if let strings = try archive.data(stringsPart) { sharedStrings = try Self.readSharedStrings(strings, part: stringsPart, label: label) }
        let stylesPart = targets.values.first { $0.hasSuffix("styles.xml") } ?? "xl/styles.xml"
        if let styles = try archive.data(stylesPart) { dateStyles = try Self.readDateStyles(styles, part: stylesPart, label: label) }
    }

    /// A relationship target made a package path: `worksheets/sheet1.xml` from `xl/`, `/xl/…` as is.
    static func resolve(_ target: String, from base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The texts of `<si>` items; phonetic runs (`<rPh>`) are not part of the text.
    private static func readSharedStrings(_ bytes: [UInt8], part: String, label: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = 0
        try XMLReader.parse(bytes, part: part, label: label) { event in
            switch event {
            case .start("si", _): inItem = true; current = ""
            case .start("rPh", _): phonetic += 1
            case .start("t", _): inText = inItem && phonetic == 0
            case .end("t"): inText = false
            case .end("rPh"): phonetic -= 1
            case .end("si"):
                inItem = false
                guard strings.count < maxSharedStrings else {
                    throw InputError(Diagnostic(at: SourceLocation(file: label, path: part), code: "xlsx.too-large",
                                                message: "the workbook has more than \(maxSharedStrings) shared strings",
                                                hint: "a unit's report is a few hundred cells: send the sheet alone"))
                }
                strings.append(current)
            case .text(let text) where inText: current += text
            default: break
            }
        }
        return strings
    }

    /// For each `<xf>` of `<cellXfs>`, whether its number format is a date format.
    private static func readDateStyles(_ bytes: [UInt8], part: String, label: String) throws -> [Bool] {
        var customFormats: [Int: String] = [:]
        var styles: [Int] = []
        var inCellFormats = false
        try XMLReader.parse(bytes, part: part, label: label) { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
            case .start("cellXfs", _): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes) where inCellFormats:
                styles.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        return styles.map { id in customFormats[id].map(isDateFormat) ?? Self.builtInDateFormats.contains(id) }
    }

    /// The built-in number formats that show dates (ECMA-376 §18.8.30, and the East Asian ones).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date: it has a day, month-with-day or year part outside
    /// quoted text, escapes and brackets (`dd/mm/yyyy`, `[$-42A]d mmmm yyyy`).
    static func isDateFormat(_ code: String) -> Bool {
        var outside = ""
        var quoted = false, bracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { outside.append(character) }
            }
        }
        let lower = outside.lowercased()
        return lower.contains("d") || lower.contains("y")
    }

    /// The day an Excel date serial number stands for, in this workbook's date system.
    func day(fromSerial serial: Double) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }  // 9999-12-31
        let whole = Int(serial.rounded(.down))
        if uses1904Dates { return Day(year: 1904, month: 1, day: 1)!.adding(days: whole) }
        // Excel counts a 29 February 1900 that never was: serial 60. Serials after it are one day ahead.
        if whole == 60 { return nil }
        return Day(year: 1899, month: 12, day: whole < 60 ? 31 : 30)!.adding(days: whole)
    }
}
