import Foundation
import Testing
@testable import HienDienCLI
@testable import HienDienKit

/// `.xlsx` as an office suite writes it: every sample CSV report, opened and saved as a
/// workbook by LibreOffice with Vietnamese regional settings, stores exactly what the CSV stores.
struct OfficeRoundTripTests {
    static let plans = ["can-tho-2025", "hai-phong-svhttdl-2025-2026", "thanh-hoa-2026-2030", "tra-vinh-2024-2025"]

    /// Everything a store holds about the reports: every submission with its version and date,
    /// every value with its note (read straight from the tables, so nothing is left out).
    static func contents(of store: Store) throws -> [String] {
        try store.database.prepare("""
            SELECT s.unit_id, s.period_key, s.version, s.received, i.id, v.value, coalesce(v.note, '∅')
            FROM submission s LEFT JOIN value v ON v.submission_id = s.id LEFT JOIN indicator i ON i.key = v.indicator_key
            """).rows { row in (0..<7).map { row.isNull($0) ? "∅" : row.text($0) }.joined(separator: " | ") }.sorted()
    }

    @Test(.enabled(if: ExternalTool.soffice.isInstalled, "LibreOffice round trip: \(ExternalTool.soffice.skipReason)"),
          .timeLimit(.minutes(10)))
    func everySampleCSVSavedAsXLSXByLibreOfficeStoresTheSameValues() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let samples = RunnerHarness.repository.appendingPathComponent("SampleData")
        var byDelimiter: [String: [String]] = [:]
        var csvs: [String: [String]] = [:]
        for plan in Self.plans {
            let folder = samples.appendingPathComponent("reports/\(plan)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
            for name in names {
                let path = folder.appendingPathComponent(name).path
                let head = String(decoding: try FileBytes.prefix(path: path, count: 4096), as: UTF8.self)
                let firstLine = head.split(whereSeparator: \.isNewline).first ?? ""
                // LibreOffice's CSV filter: separator (44 ',' or 59 ';'), quote 34, UTF-8 (76), from line 1, Vietnamese (1066).
                let separator = firstLine.contains(";") ? "59" : "44"
                let copy = work.appendingPathComponent("\(plan)--\(name)").path
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                byDelimiter[separator, default: []].append(copy)
                csvs[plan, default: []].append(copy)
            }
        }
        #expect(csvs.values.reduce(0) { $0 + $1.count } >= 8)
        for (separator, files) in byDelimiter {
            try LibreOffice.convert(files, to: "xlsx", filter: "CSV:\(separator),34,76,1,,1066", outDirectory: work.path)
        }
        let options = IngestOptions(today: Day(year: 2030, month: 12, day: 31)!)
        for plan in Self.plans {
            let planPath = samples.appendingPathComponent("plans/\(plan).json").path
            let loaded = try Plan.load(path: planPath)
            var stores: [[String]] = []
            for kind in ["csv", "xlsx"] {
                let store = try Store(path: work.appendingPathComponent("\(plan)-\(kind).sqlite").path)
                try store.load(plan: loaded, json: String(decoding: try FileBytes.read(path: planPath), as: UTF8.self), file: "\(plan).json")
                let ingester = ReportIngester(plan: loaded, store: store)
                for csv in csvs[plan] ?? [] {
                    let path = kind == "csv" ? csv : String(csv.dropLast(4)) + ".xlsx"
                    let summary = try ingester.ingest(path: path, label: URL(fileURLWithPath: path).lastPathComponent, options: options)
                    #expect(summary.format.hasPrefix(kind), "\(path)")
                    #expect((summary.sheet != nil) == (kind == "xlsx"), "\(path)")
                }
                stores.append(try Self.contents(of: store))
            }
            #expect(!stores[0].isEmpty)
            #expect(stores[0] == stores[1], "\(plan): the .xlsx stored \(stores[1].count) facts, the CSV \(stores[0].count)")
        }
    }
}

/// What `ingest` says about workbooks it must refuse, end to end through the runner.
struct WorkbookRefusalTests {
    static func workbook(sheet: String, parts: [(String, String)] = []) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", text: "<workbook><sheets><sheet name=\"Sheet1\" sheetId=\"1\"/></sheets></workbook>")
        zip.add("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData>\(sheet)</sheetData></worksheet>")
        for (name, text) in parts { zip.add(name, text: text) }
        return zip.finished()
    }

    @Test func aZipBombAnEncryptedWorkbookAndAnUncalculatedFormulaAreRefusedClearly() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json")).code == 0)
        let inline = { (ref: String, text: String) in "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let header = "<row r=\"1\">\(inline("A1", "unit"))\(inline("B1", "period"))\(inline("C1", "trainings_held"))</row>"
        let files: [(String, [UInt8])] = [
            ("bom.xlsx", Self.workbook(sheet: header, parts: [("xl/sharedStrings.xml", String(repeating: " ", count: 20_000_000))])),
            ("mat-khau.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024)),
            ("cong-thuc.xlsx", Self.workbook(sheet: header + "<row r=\"2\">\(inline("A2", "STC"))\(inline("B2", "2026-Q2"))<c r=\"C2\"><f>B5*2</f></c></row>")),
            ("tot.xlsx", Self.workbook(sheet: header + "<row r=\"2\">\(inline("A2", "STC"))\(inline("B2", "2026-Q2"))<c r=\"C2\"><f>3*2</f><v>6</v></c></row>")),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: cli.directory.appendingPathComponent(name)) }
        let result = cli.run("ingest", cli.directory.path)
        #expect(result.code == 1)
        #expect(result.errors.contains("bom.xlsx: error: 'xl/sharedStrings.xml' in the file inflates beyond the limits"), "\(result.errors)")
        #expect(result.errors.contains("possible zip bomb"))
        #expect(result.errors.contains("mat-khau.xlsx: error: the file is a password-protected (encrypted) Office document"))
        #expect(result.errors.contains("remove the password"))
        #expect(result.errors.contains("cong-thuc.xlsx:Sheet1!C2: error: the cell holds a formula whose value was never calculated and saved: '=B5*2' [xlsx.formula-no-value]"))
        #expect(result.output.contains("tot.xlsx: stored 1 values from 1 unit(s) for 2026-Q2"), "\(result.output)")
        #expect(result.output.contains("sheet “Sheet1”"))
        #expect(result.errors.contains("1 of 4 file(s) stored, 3 refused."))
    }
}

/// The Excel form, written by `form --format xlsx`, filled in and saved again by LibreOffice.
struct ExcelFormRoundTripTests {
    @Test(.enabled(if: ExternalTool.soffice.isInstalled, "LibreOffice re-save: \(ExternalTool.soffice.skipReason)"),
          .timeLimit(.minutes(5)))
    func aFormFilledInAndSavedByLibreOfficeIngestsToTheValuesFilledIn() throws {
        let cli = try RunnerHarness()
        #expect(cli.run("init", "--plan", RunnerHarness.fixture("plans/thu-2026.json")).code == 0)
        let written = cli.run("form", "--unit", "Sở Tài chính", "--period", "Quý II/2026", "--format", "xlsx")
        #expect(written.code == 0, "\(written.errors)")
        #expect(written.errors.contains("wrote STC-2026-Q2.xlsx"))
        let form = try [UInt8](Data(contentsOf: cli.directory.appendingPathComponent("STC-2026-Q2.xlsx")))
        // Filled in as the XML a spreadsheet saves: 7 courses, 12,400 enterprises, sent 19/06/2026.
        var archive = try ZipArchive(bytes: form, label: "form")
        var sheet = String(decoding: try #require(try archive.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
        var workbook = try Workbook(bytes: form, label: "form")
        let cells = try workbook.cells(of: workbook.sheets[0])  // texts are shared strings
        func row(of indicator: String) throws -> String {
            String(try #require(cells.rows.first { $0.value.values.contains(indicator) }?.key))
        }
        for (indicator, value) in [("trainings_held", 7), ("enterprises_total", 12_400)] {
            let number = try row(of: indicator)
            sheet = sheet.replacingOccurrences(of: "<c r=\"F\(number)\" s=\"3\"/>", with: "<c r=\"F\(number)\" s=\"3\"><v>\(value)</v></c>")
                .replacingOccurrences(of: "<c r=\"H\(number)\" s=\"5\"/>", with: "<c r=\"H\(number)\" s=\"5\"><v>46192</v></c>")
        }
        var filled = ZipWriter()
        for entry in archive.entries {
            filled.add(entry.name, entry.name == "xl/worksheets/sheet1.xml" ? Array(sheet.utf8) : try archive.data(entry.name)!)
        }
        let edited = cli.directory.appendingPathComponent("edited")
        let resaved = cli.directory.appendingPathComponent("resaved")
        try FileManager.default.createDirectory(at: edited, withIntermediateDirectories: true)
        try Data(filled.finished()).write(to: edited.appendingPathComponent("STC-2026-Q2.xlsx"))
        try LibreOffice.convert([edited.appendingPathComponent("STC-2026-Q2.xlsx").path], to: "xlsx", outDirectory: resaved.path)
        let again = try [UInt8](Data(contentsOf: resaved.appendingPathComponent("STC-2026-Q2.xlsx")))
        #expect(again != form)  // LibreOffice wrote its own package (shared strings, its styles)
        let ingested = cli.run("ingest", resaved.path)
        #expect(ingested.code == 0, "\(ingested.errors)")
        #expect(ingested.output.contains("STC-2026-Q2.xlsx: stored 2 values from 1 unit(s) for 2026-Q2"), "\(ingested.output)")
        #expect(ingested.output.contains("sheet “Báo cáo”"))
        let store = try Store(path: cli.directory.appendingPathComponent("hiendien.sqlite").path)
        let values = try store.currentValues(through: .quarter(2, of: 2026)).filter { $0.unit == "STC" }
        #expect(Set(values.map { "\($0.indicator)=\($0.value)" }) == ["trainings_held=7", "enterprises_total=12400"])
        #expect(try store.submissions(in: [.quarter(2, of: 2026)]).first { $0.unit == "STC" }?.firstReceived == Day(year: 2026, month: 6, day: 19))
    }
}

/// The demo's Word and Excel files, opened and converted by LibreOffice.
struct OfficeDocumentTests {
    /// The figures a reader sees in an HTML report: numbers in its text, charts and styles left out.
    static func figures(inHTML html: String) -> Set<String> {
        func text(_ node: HTMLNode) -> String {
            switch node {
            case .text(let text): text
            case .element(let name, _, let children): name == "figure" ? " " : children.map(text).joined(separator: " ")
            }
        }
        return figures(in: text(HTMLNode.parse(html)))
    }

    /// Numbers as written in Vietnamese reports: `4.026`, `27,23`, `31/12/2025` (split at the slashes).
    static func figures(in text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        for character in text + " " {
            if character.isASCII && character.isNumber || (!current.isEmpty && (character == "." || character == ",")) {
                current.append(character)
            } else {
                while current.last == "." || current.last == "," { current.removeLast() }
                if !current.isEmpty { result.insert(current) }
                current = ""
            }
        }
        return result
    }

    @Test(.enabled(if: ExternalTool.soffice.isInstalled, "LibreOffice conversion: \(ExternalTool.soffice.skipReason)"),
          .timeLimit(.minutes(10)))
    func everyDemoReportHasAWordFileAndATablesWorkbookThatLibreOfficeConverts() throws {
        let cli = try RunnerHarness()
        let demo = cli.run("demo", "--out", "out")
        #expect(demo.code == 0, "\(demo.errors)")
        let pages = demo.output.split(separator: "\n").map(String.init).filter { $0.hasSuffix("/report.html") }
        #expect(pages.count >= 8)
        let copies = cli.directory.appendingPathComponent("office")
        let converted = cli.directory.appendingPathComponent("converted")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        var names: [(html: String, copy: String)] = []
        for page in pages {
            let folder = URL(fileURLWithPath: page).deletingLastPathComponent()
            let name = folder.pathComponents.suffix(2).joined(separator: "_")
            for file in ["report.docx", "tables.xlsx"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) beside \(page)")
            }
            try FileManager.default.copyItem(at: folder.appendingPathComponent("report.docx"), to: copies.appendingPathComponent("\(name).docx"))
            try FileManager.default.copyItem(at: folder.appendingPathComponent("tables.xlsx"), to: copies.appendingPathComponent("\(name).xlsx"))
            names.append((page, name))
        }
        try LibreOffice.convert(names.map { copies.appendingPathComponent("\($0.copy).docx").path }, to: "txt:Text (encoded):UTF8",
                                outDirectory: converted.path)
        try LibreOffice.convert(names.map { copies.appendingPathComponent("\($0.copy).xlsx").path }, to: "pdf", outDirectory: converted.path)
        for (page, name) in names {
            let html = try String(contentsOfFile: page, encoding: .utf8)
            let text = try String(contentsOf: converted.appendingPathComponent("\(name).txt"), encoding: .utf8)
            let figures = Self.figures(inHTML: html)
            #expect(figures.count > 20 && figures.contains("2025") == html.contains("2025"))
            let missing = figures.subtracting(Self.figures(in: text))
            #expect(missing.isEmpty, "\(name): report.docx lacks the figures \(missing.sorted()) of report.html")
            #expect(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.contains("BÁO CÁO"))
            let pdf = try Data(contentsOf: converted.appendingPathComponent("\(name).pdf"))
            #expect(pdf.starts(with: Array("%PDF".utf8)) && pdf.count > 2000, "\(name).xlsx")
        }
    }

    @Test(.enabled(if: ExternalTool.soffice.isInstalled && ExternalTool.pdfinfo.isInstalled,
                   "LibreOffice and pdfinfo: \(ExternalTool.soffice.skipReason)"), .timeLimit(.minutes(5)))
    func aLandscapeAppendixPrintsOnLandscapePages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (1...3).map { "<tr><td>Đơn vị \($0)</td><td class=\"num\">\($0 * 1250)</td></tr>" }.joined()
        let html = "<html><body><h2>I. Phần chính</h2><p>Nội dung.</p><section class=\"appendix landscape\"><h2>Phụ lục</h2>"
            + "<table class=\"data\"><thead><tr><th>Đơn vị</th><th>Số liệu</th></tr></thead><tbody>\(rows)</tbody></table></section>"
            + "<p>Nơi nhận.</p></body></html>"
        let docx = folder.appendingPathComponent("phu-luc.docx")
        try Data(WordDocument.make(fromHTML: html)).write(to: docx)
        try LibreOffice.convert([docx.path], to: "pdf", outDirectory: folder.path)
        let info = try ExternalTool.pdfinfo.run(["-f", "1", "-l", "3", folder.appendingPathComponent("phu-luc.pdf").path])
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.map { line in
            line.contains("841.8") && line.range(of: #"size:\s+841"#, options: .regularExpression) != nil ? "landscape" : "portrait"
        }
        #expect(sizes == ["portrait", "landscape", "portrait"], "\(info)")
    }
}
