import Foundation
import Testing
@testable import HienDienKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reports come from dozens of units by email and USB stick: whatever is in them must stay data.
/// Markup never reaches HTML as markup, a cell never runs as a spreadsheet formula, no name
/// leads a file outside its folder, no text becomes SQL, and no size or shape of file takes
/// memory without bound — each refused with a message that says what and where.
struct HostileInputTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let templates = TemplateLibrary(directory: repository.appendingPathComponent("Templates"))

    static let markup = [
        "<img src=x onerror=alert(1)>", "<script>alert('xss')</script>", "\"><svg onload=alert(1)>",
        "<iframe src=//evil.example>", "</td></tr></table><a href=javascript:alert(1)>",
        // A quote with a combining mark is one Character: an escaping by Characters misses it.
        "\"\u{301} onmouseover=alert(1) x=\"\u{301}<\u{301}script>",
    ]

    /// The letters to units (reminder, feedback note) escape what comes from plans and files
    /// scalar by scalar, like the templates: no `<`, `>` or quote survives, even before a combining mark.
    @Test(arguments: markup)
    func lettersEscapeMarkupScalarByScalar(_ text: String) {
        let escaped = LetterPage.escape(text)
        #expect(!escaped.unicodeScalars.contains { $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }, "\(escaped)")
    }

    /// A store in a fresh folder with the fixture plan, edited by `editPlan` first.
    static func store(
        _ folder: URL, editPlan: (String) -> String = { $0 }
    ) throws -> (store: Store, plan: Plan, ingester: ReportIngester) {
        let original = try String(contentsOfFile: IngestFixture.fixture("plans/thu-2026.json"), encoding: .utf8)
        let json = editPlan(original)
        let planPath = folder.appendingPathComponent("plan.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: planPath))
        let plan = try Plan.load(path: planPath, label: "plan.json")
        let store = try Store(path: folder.appendingPathComponent("store.sqlite").path)
        try store.load(plan: plan, json: json, file: "plan.json")
        return (store, plan, ReportIngester(plan: plan, store: store))
    }

    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    static func write(_ text: String, to folder: URL, as name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let options = IngestOptions(today: Day(year: 2026, month: 11, day: 23)!)

    /// The error an ingest throws, or a failed expectation when it succeeds.
    static func refusal(_ ingester: ReportIngester, _ path: String) -> InputError? {
        do {
            _ = try ingester.ingest(path: path, label: (path as NSString).lastPathComponent, options: options)
            Issue.record("\(path) was not refused")
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("\(path): not an input error: \(error)")
            return nil
        }
    }

    // MARK: - Markup

    @Test func markupInUnitSuppliedTextNeverReachesTheReportsAsMarkup() throws {
        try Self.withFolder { folder in
            let (store, plan, ingester) = try Self.store(folder) { json in
                // STC leads the tasks too, so that its report may carry their status.
                json.replacingOccurrences(of: #""lead": ["SKHCN"]"#, with: #""lead": ["SKHCN", "STC"]"#)
                    .replacingOccurrences(of: "\"Sở Tài chính\"", with: "\"Sở Tài chính \(Self.markup[0])\"")
                    .replacingOccurrences(of: "\"Số lớp tập huấn\"", with: "\"Số lớp <b>tập huấn</b> \(Self.markup[2].replacingOccurrences(of: "\"", with: "\\\""))\"")
                    .replacingOccurrences(of: "\"Báo cáo\"", with: "\"Báo cáo \(Self.markup[3])\"")
                    .replacingOccurrences(of: "\"Tỷ lệ doanh nghiệp sử dụng tên miền .vn\"", with: Self.jsonString("Tỷ lệ \(Self.markup[5])"))
            }
            let narrative = Self.markup.joined(separator: " ")
            let report = """
                [{ "unit": "STC", "period": "2026-Q2", "submitted": "2026-06-10",
                   "values": { "trainings_held": 3, "enterprises_total": 40, "enterprises_with_vn": 12 },
                   "tasks": { "I.1": { "status": "done", "evidence": \(Self.jsonString(Self.markup[1])) },
                              "IV.1": { "status": "in_progress", "evidence": \(Self.jsonString(Self.markup[4])) } },
                   "difficulties": \(Self.jsonString(narrative)), "proposals": [\(Self.jsonString(Self.markup[2])), "ok"] },
                 { "unit": "SKHCN", "period": "2026-Q2", "submitted": "2026-06-11", "values": { "trainings_held": 1 },
                   "difficulties": "# not a heading | not a cell *not bold* [not](a link)" }]
                """
            let path = try Self.write(report, to: folder, as: "report.json")
            _ = try ingester.ingest(path: path, label: "report.json", options: Self.options)

            let computed = try ReportEngine(plan: plan).report(
                for: .quarter(2, of: 2026), asOf: Day(year: 2026, month: 6, day: 25)!, store: store)
            let renderer = ReportRenderer(templates: Self.templates)
            let html = try renderer.html(computed)
            let markdown = try renderer.markdown(computed)
            for text in Self.markup {
                #expect(!html.contains(text), "HTML holds \(text) as markup")
                #expect(html.contains(TemplateEscaping.html.escaped(text)) || html.contains(SVGChart.escape(text)),
                        "HTML lost \(text)")
                #expect(!markdown.contains(text), "Markdown holds \(text) as markup")
            }
            #expect(!html.contains("<b>tập huấn</b>") && !markdown.contains("<b>tập huấn</b>"))
            for tag in ["<img", "<script", "<iframe", "<svg onload", "<a href"] {
                #expect(!html.lowercased().contains(tag), "HTML holds \(tag)")
                #expect(!markdown.lowercased().contains(tag), "Markdown holds \(tag)")
            }
            let line = markdown.split(separator: "\n").first { $0.contains("not a heading") }.map(String.init) ?? ""
            #expect(line.contains("\\| not a cell \\*not bold\\* \\[not](a link)"), "\(line)")
        }
    }

    /// `text` as a JSON string literal, escaped scalar by scalar.
    static func jsonString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case _ where scalar.value < 0x20: literal += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    // MARK: - Spreadsheet formulas

    @Test(arguments: ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://evil.example\",\"x\")",
                      "=cmd|' /C calc'!A0"])
    func aCellASpreadsheetWouldRunIsNeutralised(_ cell: String) throws {
        let escaped = CSVWriter.escape(cell)
        let unquoted = escaped.hasPrefix("\"") ? String(escaped.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : escaped
        #expect(unquoted == "'" + cell)
    }

    /// Found by the CSV fuzz target: a quote or a line end followed by a combining mark is one
    /// `Character` with it, so a check by characters missed it, and the cell broke out of its
    /// quotes — letting the rest of it, `=1+1` here, become a cell of its own.
    @Test(arguments: ["ab\"\u{323}vchc\"d", "a\"\u{301},=1+1", "\"\u{301}", "x\r\u{301}y", "x\n\u{301}=1+1", "\u{301}\",\"=1"])
    func aQuoteOrLineEndBeforeACombiningMarkStaysInsideItsCell(_ cell: String) throws {
        var writer = CSVWriter(header: ["evidence", "next"])
        writer.append([cell, "end"])
        let reader = CSVReader(bytes: Array(writer.text.utf8), fileLabel: "written.csv")
        #expect(try reader.nextRecord())
        #expect(try reader.nextRecord())
        #expect(reader.fieldCount == 2 && reader.string(1) == "end", "\(writer.text.debugDescription)")
        #expect(reader.string(0).unicodeScalars.elementsEqual(CSVWriter.neutralised(cell).unicodeScalars))
        #expect(try !reader.nextRecord())

        let plan = try Self.planNamingAnIndicator(cell)
        let form = BlankForm.csv(plan: plan, unit: try #require(plan.unit("SKHCN")), period: .quarter(2, of: 2026))
        let formReader = CSVReader(bytes: Array(form.utf8), fileLabel: "form.csv")
        var rows = 0
        while try formReader.nextRecord() {
            #expect(formReader.fieldCount == 8, "\(form.debugDescription)")
            rows += 1
        }
        #expect(rows == 2)
    }

    static func planNamingAnIndicator(_ name: String) throws -> Plan {
        let json = """
            { "id": "p", "title": "t", "issuer": "i", "coordinator": "SKHCN", "place": "x", "start": "2026-01-01",
              "end": "2026-12-31", "reporting": { "window": "decree-09", "quarterly_before_day": 20, "annual_before": "12-15" },
              "units": [{ "id": "SKHCN", "name": "S", "type": "department" }],
              "indicators": [{ "id": "a", "name": \(jsonString(name)), "unit": "x", "over_time": "sum" }] }
            """
        return try Plan.decode(try JSONParser.parse(Array(json.utf8), fileLabel: "p.json"), file: "p.json")
    }

    @Test func formulasFromPlansAndReportsAreNeutralisedInTheCSVTables() throws {
        try Self.withFolder { folder in
            // A unit id cannot be a formula: the plan refuses it (ids begin with a letter or digit).
            let refused = #expect(throws: InputError.self) {
                _ = try Self.store(folder) { $0.replacingOccurrences(of: #""id": "STC""#, with: #""id": "-STC""#) }
            }
            #expect(refused?.diagnostics.contains { $0.code == "plan.id" && $0.offending == "-STC" } ?? false)
        }
        try Self.withFolder { folder in
            let (store, plan, ingester) = try Self.store(folder) { json in
                json.replacingOccurrences(of: #""lead": ["SKHCN"], "recurs""#, with: #""lead": ["STC"], "recurs""#)
                    .replacingOccurrences(of: #""name": "Số lớp tập huấn""#, with: #""name": "=1+1 lớp""#)
            }
            let report = """
                { "unit": "STC", "period": "2026-Q2", "submitted": "2026-06-10", "values": { "trainings_held": 3 },
                  "tasks": { "IV.1": { "status": "done", "evidence": "=HYPERLINK(\\"http://evil.example\\",\\"x\\")" } } }
                """
            _ = try ingester.ingest(path: try Self.write(report, to: folder, as: "r.json"), label: "r.json", options: Self.options)
            let computed = try ReportEngine(plan: plan).report(
                for: .quarter(2, of: 2026), asOf: Day(year: 2026, month: 6, day: 25)!, store: store)
            var cells = 0
            for (name, text) in ReportTables.all(computed) {
                let reader = CSVReader(bytes: Array(text.utf8), fileLabel: name)
                while try reader.nextRecord() {
                    for index in 0..<reader.fieldCount {
                        let cell = reader.string(index)
                        cells += 1
                        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""),
                                "\(name) line \(reader.line): \(cell)")
                    }
                }
            }
            #expect(cells > 0)
            let tables = Dictionary(uniqueKeysWithValues: ReportTables.all(computed))
            #expect(tables["tasks.csv"]!.contains("=HYPERLINK"), "\(tables["tasks.csv"]!)")
        }
    }

    @Test func theBlankFormNeutralisesFormulasInNamesAndStillReadsBack() throws {
        try Self.withFolder { folder in
            let (store, plan, ingester) = try Self.store(folder) { json in
                json.replacingOccurrences(of: "\"Số lớp tập huấn\", \"unit\": \"lớp\"",
                                          with: "\"=HYPERLINK(\\\"http://evil.example\\\")\", \"unit\": \"@lớp\"")
            }
            let unit = try #require(plan.unit("SKHCN"))
            let form = BlankForm.csv(plan: plan, unit: unit, period: .quarter(2, of: 2026))
            let reader = CSVReader(bytes: Array(form.utf8), fileLabel: "form.csv")
            var names: [String] = []
            while try reader.nextRecord() {
                for index in 0..<reader.fieldCount {
                    let cell = reader.string(index)
                    #expect(!["=", "+", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "form cell \(cell)")
                }
                names.append(reader.string(3))
            }
            #expect(names.contains("'=HYPERLINK(\"http://evil.example\")"))

            // Filled in, it goes in as it is.
            let filled = form.replacingOccurrences(of: ";'@lớp;;", with: ";'@lớp;7;")
            #expect(filled != form)
            let summary = try ingester.ingest(path: try Self.write(filled, to: folder, as: "form.csv"), label: "form.csv",
                                              options: Self.options)
            #expect(summary.values == 1)
            #expect(try store.currentValues(through: .quarter(2, of: 2026)).map(\.value) == [7])
        }
    }

    // MARK: - Paths

    @Test(arguments: ["../../etc", "../2026-Q2", "2026-Q2/../../x", "/etc/passwd", "2026-Q2\0", "..", "."])
    func aPeriodThatIsAPathIsNoPeriod(_ text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test func aTemplateNameCannotReadOutsideTheTemplatesFolder() throws {
        try Self.withFolder { folder in
            let inside = folder.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
            // A file outside that a name with '..' or an absolute path would reach.
            _ = try Self.write("SECRET {{secret}}", to: folder, as: "outside.mustache")
            let library = TemplateLibrary(directory: inside)
            for name in ["../outside", "..", "/etc/passwd", "\(folder.path)/outside", "a/../../outside", "outside/", ""] {
                let error = #expect(throws: InputError.self, "\(name)") { try library.template(named: name) }
                #expect(error?.diagnostics.first?.code == "template.invalid-template-name", "\(name)")
            }
            for tag in ["{{> ../outside}}", "{{> /etc/passwd}}", "{{>../../outside}}", "{{> a/b}}"] {
                _ = try Self.write("# Báo cáo\n\(tag)\n", to: inside, as: "report.md.mustache")
                let fresh = TemplateLibrary(directory: inside)
                let error = #expect(throws: InputError.self, "\(tag)") {
                    try fresh.rendered("report.md", with: ["secret": "x"], escaping: .markdown)
                }
                #expect(error?.diagnostics.first?.code == "template.invalid-template-name", "\(tag)")
                #expect(!(error?.description.contains("SECRET") ?? true))
            }
        }
    }

    // MARK: - SQL

    @Test func noSQLIsEverBuiltFromText() throws {
        // Every statement is a literal: the only interpolations are of code's own values.
        // (`values` is rows of placeholders, `(?, ?, ?, NULL), …`, for a batch insert.)
        let allowed = ["BEGIN \\(kind.rawValue) TRANSACTION", "PRAGMA user_version = \\(version)", "VALUES \\(values)"]
        let sources = Self.repository.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            var rest = Substring(text)
            while let call = rest.range(of: #"(prepare|execute)\(\s*""#, options: .regularExpression) {
                let after = rest[call.upperBound...]
                let literal: Substring
                if after.hasPrefix("\"\"") {  // a multi-line literal
                    let end = after.range(of: "\"\"\"", range: after.index(after.startIndex, offsetBy: 2)..<after.endIndex)!
                    literal = after[..<end.lowerBound]
                } else {
                    literal = after.prefix { $0 != "\"" && $0 != "\n" }
                }
                if literal.contains("\\(") {
                    #expect(allowed.contains { literal.contains($0) }, "\(file): SQL built by interpolation: \(literal.prefix(80))")
                }
                rest = after
            }
        }
    }

    @Test func sqlInReportsIsStoredAsText() throws {
        try Self.withFolder { folder in
            let (store, _, ingester) = try Self.store(folder) { json in
                json.replacingOccurrences(of: #""lead": ["SKHCN"]"#, with: #""lead": ["SKHCN", "STC"]"#)
            }
            let injection = "'); DROP TABLE value; --"
            let report = """
                { "unit": "STC", "period": "2026-Q2", "submitted": "2026-06-10", "values": { "trainings_held": 3 },
                  "tasks": { "I.1": { "status": "done", "evidence": \(Self.jsonString(injection)) } },
                  "difficulties": \(Self.jsonString("\" OR 1=1; DELETE FROM submission; --")) }
                """
            _ = try ingester.ingest(path: try Self.write(report, to: folder, as: "r.json"), label: "r.json", options: Self.options)
            let csv = "unit,period,indicator,value,note\nSKHCN,2026-Q2,trainings_held,2,\(injection)\n"
            _ = try ingester.ingest(path: try Self.write(csv, to: folder, as: "r.csv"), label: "r.csv", options: Self.options)
            // A unit or indicator spelt as SQL is only an unknown name.
            let hostile = "unit,period,indicator,value\nSTC' OR '1'='1,2026-Q2,trainings_held,1\nSTC,2026-Q2,x'; DROP TABLE unit; --,1\n"
            let error = Self.refusal(ingester, try Self.write(hostile, to: folder, as: "h.csv"))
            #expect(error?.diagnostics.map(\.code) == ["unit.unknown", "indicator.unknown"])

            let q2 = Period.quarter(2, of: 2026)
            #expect(try store.taskReports(in: q2...q2).first?.evidence == injection)
            #expect(try store.narratives(in: q2...q2).first?.difficulties == "\" OR 1=1; DELETE FROM submission; --")
            #expect(try store.currentValues(through: q2).count == 2)
            #expect(try store.submissions(in: [q2]).count == 2)
            #expect(try store.healthProblems().isEmpty)
        }
    }

    // MARK: - Sizes and shapes

    @Test func aLineOfTenMegabytesIsRefusedWithABoundedBuffer() throws {
        try Self.withFolder { folder in
            let line = "unit,period,indicator,value,note\nSKHCN,2026-Q2,trainings_held,1," + String(repeating: "x", count: 10_000_000) + "\n"
            let path = try Self.write(line, to: folder, as: "long.csv")
            let reader = try CSVReader(path: path, fileLabel: "long.csv")
            #expect(try reader.nextRecord())
            let error = #expect(throws: InputError.self) { _ = try reader.nextRecord() }
            #expect(error?.diagnostics.first?.code == "csv.field-too-long")
            #expect(error?.diagnostics.first?.location.line == 2)
            #expect(reader.bufferCapacity <= 4 << 20, "the buffer grew to \(reader.bufferCapacity) bytes")
            #expect((error?.description.utf8.count ?? 0) < 2_000, "the message holds the whole field")

            let (_, _, ingester) = try Self.store(folder)
            #expect(Self.refusal(ingester, path)?.diagnostics.first?.code == "csv.field-too-long")
        }
    }

    @Test func aRowPastTheLimitIsRefusedBeforeTheBufferPassesIt() throws {
        try Self.withFolder { folder in
            let field = String(repeating: "y", count: 1_000_000)
            let row = "unit,period,indicator,value,note\n" + Array(repeating: field, count: 12).joined(separator: ",") + "\n"
            let path = try Self.write(row, to: folder, as: "wide.csv")
            let reader = try CSVReader(path: path, fileLabel: "wide.csv")
            #expect(try reader.nextRecord())
            let error = #expect(throws: InputError.self) { _ = try reader.nextRecord() }
            #expect(error?.diagnostics.first?.code == "csv.record-too-long")
            #expect(reader.bufferCapacity <= reader.limits.maxRecordBytes + 8)
        }
    }

    @Test func aMillionColumnsAreRefusedAtTheLimit() throws {
        try Self.withFolder { folder in
            let header = "unit,period," + String(repeating: "c,", count: 1_000_000) + "c\n"
            let path = try Self.write(header + "SKHCN,2026-Q2,1\n", to: folder, as: "columns.csv")
            let (_, _, ingester) = try Self.store(folder)
            let started = Date()
            let error = Self.refusal(ingester, path)
            #expect(error?.diagnostics.first?.code == "csv.too-many-fields")
            #expect(error?.diagnostics.first?.hint?.contains("','") == true)
            #expect(Date().timeIntervalSince(started) < 20)
        }
    }

    /// A sparse file: `size` bytes on paper, only `head` on disk (the rest reads as NUL bytes).
    static func sparseFile(_ head: String, size: Int, in folder: URL, as name: String) throws -> String {
        let path = try write(head, to: folder, as: name)
        #expect(truncate(path, off_t(size)) == 0)
        return path
    }

    @Test func aGigabyteFileIsReadOnlyAsFarAsItsFirstBadRecord() throws {
        try Self.withFolder { folder in
            let rows = (0..<1_000).map { _ in "SKHCN,2026-Q2,trainings_held,1" }.joined(separator: "\n")
            let path = try Self.sparseFile("unit,period,indicator,value\n" + rows + "\n", size: 1 << 30, in: folder, as: "huge.csv")
            let reader = try CSVReader(path: path, fileLabel: "huge.csv")
            var records = 0
            let error = #expect(throws: InputError.self) { while try reader.nextRecord() { records += 1 } }
            #expect(records == 1_001)
            #expect(error?.diagnostics.first?.code == "csv.field-too-long")
            #expect(reader.bytesRead < 16 << 20, "read \(reader.bytesRead) bytes of the gigabyte")
            #expect(reader.bufferCapacity <= 4 << 20)

            let (store, _, ingester) = try Self.store(folder)
            #expect(Self.refusal(ingester, path)?.diagnostics.first?.code == "csv.field-too-long")
            #expect(try store.periodsWithSubmissions().isEmpty)
        }
    }

    @Test func aGigabyteJSONReportPlanOrTemplateIsRefusedUnread() throws {
        try Self.withFolder { folder in
            let (_, _, ingester) = try Self.store(folder)
            let report = try Self.sparseFile("{\"unit\": \"SKHCN\", \"x\": \"", size: 1 << 30, in: folder, as: "huge.json")
            #expect(Self.refusal(ingester, report)?.diagnostics.first?.code == "file.too-large")
            let plan = try Self.sparseFile("{\"id\": \"", size: 1 << 30, in: folder, as: "huge-plan.json")
            let error = #expect(throws: InputError.self) { _ = try Plan.load(path: plan) }
            #expect(error?.diagnostics.first?.code == "file.too-large")

            let templates = folder.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            _ = try Self.sparseFile("# {{title}}", size: 1 << 30, in: templates, as: "report.md.mustache")
            let refused = #expect(throws: InputError.self) {
                _ = try TemplateLibrary(directory: templates).template(named: "report.md")
            }
            #expect(refused?.diagnostics.first?.code == "template.unreadable")
            #expect(refused?.diagnostics.first?.message.contains("larger than") == true)
        }
    }

    @Test func aJSONFileJustOverTheLimitIsRefusedByItsSize() throws {
        try Self.withFolder { folder in
            let (_, _, ingester) = try Self.store(folder)
            let path = try Self.write("[" + String(repeating: "0,", count: FileBytes.defaultLimit / 2) + "0]", to: folder, as: "big.json")
            let error = Self.refusal(ingester, path)
            #expect(error?.diagnostics.first?.code == "file.too-large")
            #expect(error?.diagnostics.first?.message.contains("MiB") == true)
        }
    }

    @Test(arguments: ["[", "{\"a\":", "[{\"values\":"])
    func deeplyNestedJSONIsRefusedAtItsDepthLimit(_ opening: String) throws {
        try Self.withFolder { folder in
            let (_, _, ingester) = try Self.store(folder)
            let deep = String(repeating: opening, count: 100_000)
            let path = try Self.write(deep, to: folder, as: "deep.json")
            let error = Self.refusal(ingester, path)
            #expect(error?.diagnostics.first?.code == "json.too-deep")
            #expect(error?.diagnostics.first?.location.line == 1)
            let plan = #expect(throws: InputError.self) { _ = try Plan.load(path: path) }
            #expect(plan?.diagnostics.first?.code == "json.too-deep")
        }
    }

    @Test func aVastWordInAUnitCellOrHeaderTakesLinearTime() throws {
        try Self.withFolder { folder in
            let (_, _, ingester) = try Self.store(folder)
            // Matching folds each word; a 600,000-letter one took some 20 s (quadratic), now well under 1.
            let word = String(repeating: "z", count: 600_000)
            let csv = "unit,period,indicator,value\n\(word),2026-Q2,trainings_held,1\n"
            let started = Date()
            let error = Self.refusal(ingester, try Self.write(csv, to: folder, as: "word.csv"))
            #expect(error?.diagnostics.first?.code == "unit.unknown")
            #expect(Date().timeIntervalSince(started) < 10, "took \(Date().timeIntervalSince(started)) s")
        }
    }

    // MARK: - Messages

    @Test func messagesShowControlCharactersAsEscapesAndStayShort() throws {
        try Self.withFolder { folder in
            let (_, _, ingester) = try Self.store(folder)
            // A unit named with terminal escapes (clear screen, a fake prompt) and a vast column name.
            let escape = "\u{1B}[2J\u{1B}[31mSKHCN\u{7}\u{9B}0m"
            let csv = "unit,period,indicator,value\n\(escape),2026-Q2,trainings_held,1\n"
            let error = Self.refusal(ingester, try Self.write(csv, to: folder, as: "escape.csv"))
            let text = error?.description ?? ""
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                    "control characters reach the terminal: \(text.debugDescription)")
            #expect(text.contains("\\u{1B}[2J"), "\(text)")

            let vast = "unit,period," + String(repeating: "z", count: 500_000) + "\nSKHCN,2026-Q2,1\n"
            let long = Self.refusal(ingester, try Self.write(vast, to: folder, as: "vast.csv"))
            #expect(long?.diagnostics.first?.code == "indicator.unknown")
            #expect((long?.description.utf8.count ?? 0) < 2_000, "a message of \(long?.description.utf8.count ?? 0) bytes")
        }
    }
}
