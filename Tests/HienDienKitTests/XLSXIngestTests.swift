import Foundation
import Testing
@testable import HienDienKit

/// Builds small workbooks the way Excel writes them, part by part, for the reader's tests.
struct WorkbookBuilder {
    var sheets: [(name: String, state: String?, rows: String, extra: String)] = []
    var sharedStrings: [String] = []

    /// `<c>` for a shared string.
    mutating func s(_ reference: String, _ text: String) -> String {
        let index = sharedStrings.firstIndex(of: text) ?? { sharedStrings.append(text); return sharedStrings.count - 1 }()
        return "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>"
    }

    func bytes() -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        let list = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(sheet.state.map { " state=\"\($0)\"" } ?? "") r:id=\"rId\(index + 1)\"/>"
        }.joined()
        zip.add("xl/workbook.xml", text: "<workbook xmlns:r=\"urn:r\"><sheets>\(list)</sheets></workbook>")
        let rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        zip.add("xl/_rels/workbook.xml.rels", text: "<Relationships>\(rels)<Relationship Id=\"rIdS\" Target=\"sharedStrings.xml\"/></Relationships>")
        let items = sharedStrings.map { "<si><t>\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined()
        zip.add("xl/sharedStrings.xml", text: "<sst>\(items)</sst>")
        // Style 1 shows a date (dd/mm/yyyy), style 2 a number with grouping.
        zip.add("xl/styles.xml", text: """
            <styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>
            """)
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", text: "<worksheet><sheetData>\(sheet.rows)</sheetData>\(sheet.extra)</worksheet>")
        }
        return zip.finished()
    }
}

struct XLSXIngestTests {
    let q2 = Period.quarter(2, of: 2026)

    func ingest(_ builder: WorkbookBuilder, _ f: IngestFixture, name: String = "bao-cao.xlsx") throws -> IngestSummary {
        let path = f.directory.appendingPathComponent(name).path
        try Data(builder.bytes()).write(to: URL(fileURLWithPath: path))
        return try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, label: name, options: f.options)
    }

    func refusal(_ builder: WorkbookBuilder, _ f: IngestFixture) throws -> InputError {
        do { _ = try ingest(builder, f) } catch let error as InputError { return error }
        throw InputError(Diagnostic(at: SourceLocation(file: "-"), code: "test", message: "was not refused"))
    }

    /// The fixture's long form as a clerk types it into Excel: a title row, numbers as numbers
    /// and as text (`1.250`), a formula with its saved value, the date as a date cell.
    @Test func aLongFormWorkbookStoresWhatItsCSVStores() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let rows = [
            "<row r=\"1\">\(b.s("A1", "BÁO CÁO KẾT QUẢ QUÝ II/2026"))</row>",
            "<row r=\"3\">\(b.s("A3", "đơn vị"))\(b.s("B3", "kỳ báo cáo"))\(b.s("C3", "chỉ tiêu"))\(b.s("D3", "giá trị"))\(b.s("E3", "ghi chú"))\(b.s("F3", "ngày gửi"))</row>",
            "<row r=\"4\">\(b.s("A4", "Ủy ban nhân dân xã Thiệu Hoá"))\(b.s("B4", "Quý II/2026"))\(b.s("C4", "id_vn_new"))\(b.s("D4", "1.250"))<c r=\"E4\" t=\"inlineStr\"><is><t>Đợt 1; gồm</t></is></c><c r=\"F4\" s=\"1\"><v>46191</v></c></row>",
            "<row r=\"5\">\(b.s("A5", "UBND xã Thiệu Hóa"))\(b.s("B5", "Quý II/2026"))\(b.s("C5", "biz_vn_new"))<c r=\"D5\" s=\"2\"><f>30+5</f><v>35</v></c><c r=\"F5\" t=\"s\"><v>\(b.sharedStrings.count)</v></c></row>",
        ].joined()
        b.sharedStrings.append("18/06/2026")
        b.sheets = [("Sheet1", nil, rows, "")]
        let summary = try ingest(b, f)
        #expect(summary.format == "xlsx-long" && summary.sheet == "Sheet1")
        #expect(try f.values(q2) == ["XA_HOA.id_vn_new": 1250, "XA_HOA.biz_vn_new": 35])
        let received = try f.store.submissions(in: [q2]).map(\.firstReceived)
        #expect(received == [Day(year: 2026, month: 6, day: 18)!])
    }

    /// The form's sheet is read even when it is not the first; hidden sheets never.
    @Test func theFormsSheetByNameElseTheFirstVisibleOne() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let header = "\(b.s("A1", "unit"))\(b.s("B1", "period"))\(b.s("C1", "trainings_held"))"
        let hidden = "<row r=\"1\">\(header)</row><row r=\"2\">\(b.s("A2", "STC"))\(b.s("B2", "2026-Q2"))<c r=\"C2\"><v>99</v></c></row>"
        let shown = "<row r=\"1\">\(header)</row><row r=\"2\">\(b.s("A2", "STC"))\(b.s("B2", "2026-Q2"))<c r=\"C2\"><v>4</v></c></row>"
        b.sheets = [("Cũ", "hidden", hidden, ""), ("Hướng dẫn", nil, "<row r=\"1\">\(b.s("A1", "Điền cột giá trị"))</row>", ""),
                    ("Báo cáo", nil, shown, "")]
        let summary = try ingest(b, f)
        #expect(summary.format == "xlsx-wide" && summary.sheet == "Báo cáo")
        #expect(try f.values(q2) == ["STC.trainings_held": 4])
        b.sheets = [b.sheets[0], ("Tổng hợp", nil, shown, "")]
        let f2 = try IngestFixture()
        #expect(try ingest(b, f2).sheet == "Tổng hợp")
    }

    /// A header merged over two rows, and a unit merged down over its rows.
    @Test func mergedHeaderAndUnitCells() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let long = [
            "<row r=\"1\">\(b.s("A1", "đơn vị"))\(b.s("B1", "kỳ báo cáo"))\(b.s("C1", "chỉ tiêu"))\(b.s("D1", "giá trị"))</row>",
            "<row r=\"2\"/>",
            "<row r=\"3\">\(b.s("A3", "STC"))\(b.s("B3", "2026-Q2"))\(b.s("C3", "trainings_held"))<c r=\"D3\"><v>3</v></c></row>",
            "<row r=\"4\">\(b.s("C4", "id_vn_new"))<c r=\"D4\"><v>12</v></c></row>",
        ].joined()
        b.sheets = [("Sheet1", nil, long, "<mergeCells><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"B3:B4\"/></mergeCells>")]
        _ = try ingest(b, f)
        #expect(try f.values(q2) == ["STC.trainings_held": 3, "STC.id_vn_new": 12])
    }

    /// Problems name the sheet and the cell, as Excel shows them.
    @Test func errorsNameTheSheetAndTheCell() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let rows = [
            "<row r=\"1\">\(b.s("A1", "đơn vị"))\(b.s("B1", "kỳ báo cáo"))\(b.s("C1", "chỉ tiêu"))\(b.s("D1", "giá trị"))</row>",
            "<row r=\"7\">\(b.s("A7", "STC"))\(b.s("B7", "2026-Q2"))\(b.s("C7", "trainings_held"))<c r=\"D7\"><v>-3</v></c></row>",
            "<row r=\"8\">\(b.s("A8", "STC"))\(b.s("B8", "2026-Q2"))\(b.s("C8", "trainings_hel"))<c r=\"D8\"><v>2.5</v></c></row>",
        ].joined()
        b.sheets = [("Báo cáo", nil, rows, "")]
        let error = try refusal(b, f)
        let places = error.diagnostics.map(\.location.description)
        #expect(places == ["bao-cao.xlsx:'Báo cáo'!D7", "bao-cao.xlsx:'Báo cáo'!C8", "bao-cao.xlsx:'Báo cáo'!D8"], "\(error)")
        #expect(error.diagnostics.map(\.code).first == "value.negative")
        #expect(try f.values(q2).isEmpty)
    }

    @Test func aFormulaWithoutASavedValueIsRefused() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let rows = "<row r=\"1\">\(b.s("A1", "unit"))\(b.s("B1", "period"))\(b.s("C1", "trainings_held"))</row>"
            + "<row r=\"2\">\(b.s("A2", "STC"))\(b.s("B2", "2026-Q2"))<c r=\"C2\"><f>SUM(D2:F2)</f></c></row>"
        b.sheets = [("Sheet1", nil, rows, "")]
        let error = try refusal(b, f)
        #expect(error.diagnostics.map(\.code) == ["xlsx.formula-no-value"])
        #expect(error.description.contains("bao-cao.xlsx:Sheet1!C2"))
        #expect(error.description.contains("'=SUM(D2:F2)'"))
    }

    @Test func aWorkbookWithOnlyHiddenSheetsOrAWordFileIsRefused() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        b.sheets = [("Sheet1", "veryHidden", "<row r=\"1\">\(b.s("A1", "unit"))</row>", "")]
        #expect(try refusal(b, f).diagnostics.map(\.code) == ["xlsx.no-sheet"])
        var zip = ZipWriter()
        zip.add("word/document.xml", text: "<document/>")
        let path = f.directory.appendingPathComponent("x.xlsx").path
        try Data(zip.finished()).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError.self) { try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, options: f.options) }
    }

    @Test(arguments: [(61.0, "1900-03-01"), (1.0, "1900-01-01"), (46191.0, "2026-06-18"), (46191.75, "2026-06-18")])
    func excelDateSerials(serial: Double, day: String) throws {
        let workbook = try Workbook(bytes: WorkbookBuilder(sheets: [("S", nil, "", "")]).bytes(), label: "x.xlsx")
        #expect(workbook.day(fromSerial: serial)?.description == day)
    }

    @Test(arguments: [("dd/mm/yyyy", true), ("[$-42A]d mmmm yyyy", true), ("General", false), ("#,##0", false),
                      ("0.00\"đ\"", false), ("mm:ss", false), ("\"ngày\" dd", true)])
    func dateFormats(code: String, isDate: Bool) {
        #expect(Workbook.isDateFormat(code) == isDate)
    }

    /// The Excel form as a clerk fills it in: 7 training courses, sent on 19/06/2026 (a date cell).
    @Test func aFilledInExcelFormIngestsUnchanged() throws {
        let f = try IngestFixture()
        let form = BlankForm.xlsx(plan: f.plan, unit: f.plan.unit("STC")!, period: q2)
        var original = try ZipArchive(bytes: form, label: "form.xlsx")
        var sheet = String(decoding: try #require(try original.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\" allowBlank=\"1\""))
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        var workbook = try Workbook(bytes: form, label: "form.xlsx")
        #expect(workbook.sharedStrings.contains("Số lớp tập huấn"))
        let row = try #require(try workbook.cells(of: workbook.sheets[0]).rows.first { $0.value.values.contains("trainings_held") }?.key)
        sheet = sheet.replacingOccurrences(of: "<c r=\"F\(row)\" s=\"3\"/>", with: "<c r=\"F\(row)\" s=\"3\"><v>7</v></c>")
            .replacingOccurrences(of: "<c r=\"H\(row)\" s=\"5\"/>", with: "<c r=\"H\(row)\" s=\"5\"><v>46192</v></c>")
        var filled = ZipWriter()
        for entry in original.entries {
            if entry.name == "xl/worksheets/sheet1.xml" { filled.add(entry.name, text: sheet) } else { filled.add(entry.name, try original.data(entry.name)!) }
        }
        let path = f.directory.appendingPathComponent("STC-2026-Q2.xlsx").path
        try Data(filled.finished()).write(to: URL(fileURLWithPath: path))
        let summary = try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, options: f.options)
        #expect(summary.values == 1 && summary.format == "xlsx-long" && summary.sheet == "Báo cáo")
        #expect(try f.values(q2) == ["STC.trainings_held": 7])
        #expect(try f.store.submissions(in: [q2]).map(\.firstReceived) == [Day(year: 2026, month: 6, day: 19)!])
        // Untouched, it stores nothing and is not an error: nothing reported yet.
        let blank = f.directory.appendingPathComponent("blank.xlsx").path
        try Data(form).write(to: URL(fileURLWithPath: blank))
        #expect(try ReportIngester(plan: f.plan, store: f.store).ingest(path: blank, options: f.options).values == 0)
        #expect(form == BlankForm.xlsx(plan: f.plan, unit: f.plan.unit("STC")!, period: q2))  // byte-identical
    }

    /// Excel's own quirks: rich-text shared strings (runs, phonetic guides), a `x:` prefix,
    /// cells without a reference, a `t="str"` formula result, a boolean that is not a count.
    @Test func richTextPrefixesAndCellsWithoutReferences() throws {
        let f = try IngestFixture()
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", text: "<x:workbook xmlns:x=\"m\" xmlns:r=\"r\"><x:sheets><x:sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>")
        zip.add("xl/_rels/workbook.xml.rels", text: "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
        zip.add("xl/sharedStrings.xml", text: """
            <x:sst xmlns:x="m"><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Sở </x:t></x:r><x:r><x:t>TC</x:t></x:r><x:rPh><x:t>ソ</x:t></x:rPh></x:si>\
            <x:si><x:t>unit</x:t></x:si><x:si><x:t>period</x:t></x:si><x:si><x:t>trainings_held</x:t></x:si><x:si><x:t>id_vn_new</x:t></x:si></x:sst>
            """)
        zip.add("xl/worksheets/sheet1.xml", text: """
            <x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c>\
            <x:c t="s"><x:v>4</x:v></x:c></x:row><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:f>"2026-"&amp;"Q2"</x:f><x:v>2026-Q2</x:v></x:c>\
            <x:c><x:v>5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """)
        let path = f.directory.appendingPathComponent("excel.xlsx").path
        try Data(zip.finished()).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, options: f.options)
            Issue.record("a TRUE in a value cell was taken for a count")
        } catch let error as InputError {
            #expect(error.diagnostics.map(\.location.description) == ["\(path):Sheet1!D2"], "\(error)")
            #expect(error.diagnostics.first?.offending == "TRUE")
        }
        // Without the boolean: "Sở TC" (bold run + plain run, phonetic guide left out) is STC.
        var archive = try ZipArchive(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), label: "x")
        var fixed = ZipWriter()
        for entry in archive.entries {
            let text = String(decoding: try archive.data(entry.name)!, as: UTF8.self)
            fixed.add(entry.name, text: text.replacingOccurrences(of: "<x:c t=\"b\"><x:v>1</x:v></x:c>", with: ""))
        }
        try Data(fixed.finished()).write(to: URL(fileURLWithPath: path))
        _ = try ReportIngester(plan: f.plan, store: f.store).ingest(path: path, options: f.options)
        #expect(try f.values(q2) == ["STC.trainings_held": 5])
    }

    /// A wide form as offices draw it: “Đơn vị” and “Kỳ báo cáo” merged over two header rows,
    /// a group title “Số liệu” merged across the indicator columns, their ids below it.
    @Test func aTwoRowHeaderWithAGroupTitle() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let rows = [
            "<row r=\"1\">\(b.s("A1", "Đơn vị"))\(b.s("B1", "Kỳ báo cáo"))\(b.s("C1", "Số liệu"))</row>",
            "<row r=\"2\">\(b.s("C2", "trainings_held"))\(b.s("D2", "Tên miền id.vn đăng ký mới"))</row>",
            "<row r=\"3\">\(b.s("A3", "DHTHU"))\(b.s("B3", "Quý II/2026"))<c r=\"C3\"><v>2</v></c><c r=\"D3\"><v>300</v></c></row>",
        ].joined()
        b.sheets = [("Sheet1", nil, rows, "<mergeCells><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:B2\"/><mergeCell ref=\"C1:D1\"/></mergeCells>")]
        #expect(try ingest(b, f).format == "xlsx-wide")
        #expect(try f.values(q2) == ["DHTHU.trainings_held": 2, "DHTHU.id_vn_new": 300])
    }

    /// A date typed into a cell formatted as General shows as its serial number, 46192.
    @Test func aDateThatLostItsFormatIsReadAsTheDayItCounts() throws {
        let f = try IngestFixture()
        var b = WorkbookBuilder()
        let rows = "<row r=\"1\">\(b.s("A1", "unit"))\(b.s("B1", "period"))\(b.s("C1", "ngày gửi"))\(b.s("D1", "trainings_held"))</row>"
            + "<row r=\"2\">\(b.s("A2", "STC"))\(b.s("B2", "2026-Q2"))<c r=\"C2\"><v>46192</v></c><c r=\"D2\"><v>46192</v></c></row>"
        b.sheets = [("Sheet1", nil, rows, "")]
        _ = try ingest(b, f)
        #expect(try f.values(q2) == ["STC.trainings_held": 46192])  // a count stays a count
        #expect(try f.store.submissions(in: [q2]).map(\.firstReceived) == [Day(year: 2026, month: 6, day: 19)!])
    }
}
