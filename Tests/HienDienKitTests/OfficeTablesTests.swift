import Foundation
import Testing
@testable import HienDienKit

/// `tables.xlsx`: the contract's tables for people, read back with the workbook reader.
struct OfficeTablesTests {
    let report = ReportRendererTests.quarter

    @Test func oneSheetPerTableWithVietnameseHeadersNamesBesideIdsAndNumbersAsNumbers() throws {
        let bytes = ReportTables.workbook(report)
        #expect(bytes == ReportTables.workbook(report))  // byte-identical for the same report
        var workbook = try Workbook(bytes: bytes, label: "tables.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Mục tiêu", "Số liệu chỉ tiêu", "Tình hình báo cáo", "Nhiệm vụ"])
        let targets = try workbook.cells(of: workbook.sheets[0])
        #expect(targets.rows[1]?[2] == "Mã mục tiêu" && targets.rows[1]?[3] == "Mục tiêu" && targets.rows[1]?[11] == "Đánh giá")
        // biz_share TOTAL: 43.21 % of a 50 % goal, as a fraction under a percentage format.
        let share = try #require(targets.rows.values.first { $0[2] == "biz_share" && $0[4] == "TOTAL" })
        #expect(share[3] == "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng biz.vn" && share[5] == "Toàn tỉnh")
        #expect(share[6] == "0.4321" && share[7] == "0.5" && share[8] == "0.6")
        #expect(share[10] == "2026-12-31")  // a date cell
        let sheet = String(decoding: try #require(try workbook.archive.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<c r=\"F\(try #require(targets.rows.first { $0.value[2] == "biz_share" && $0.value[4] == "TOTAL" }?.key))\" s=\"7\"><v>0.4321</v></c>"))
        #expect(Spreadsheet.styles.contains("<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/>"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:K"))
        // Units by name beside their ids; counts as plain numbers.
        let values = try workbook.cells(of: workbook.sheets[1])
        let unitRow = try #require(values.rows.values.first { $0[2] == "STC" })
        #expect(unitRow[3] == "Sở Tài chính")
        #expect(unitRow[5] != nil && unitRow[6] != nil)
        let submissions = try workbook.cells(of: workbook.sheets[2])
        #expect(submissions.rows.values.contains { $0[3] == "UBND xã Quảng Phú" && ["Đúng hạn", "Trễ hạn", "Chưa báo cáo", "Chưa đến hạn"].contains($0[4] ?? "") })
    }
}

/// A workbook written into its file as it is made is the workbook made in memory, byte for byte,
/// also when a sheet is deflated into the archive a megabyte at a time.
struct SpreadsheetFileTests {
    @Test func aSheetOfSixtyThousandRowsWrittenIntoTheFileIsTheWorkbookMadeInMemory() throws {
        var sheet = Spreadsheet.Sheet(name: "Số liệu chỉ tiêu")
        sheet.rows = [["Đơn vị", "Chỉ tiêu", "Trong kỳ"].map { .text($0, .header) }]
        // 60.000 rows of about 60 bytes of XML each: the sheet passes a megabyte several times.
        sheet.generatedRows = .init(count: 60_000, width: 3) { index in
            let unit: Spreadsheet.Cell = .text("Ủy ban nhân dân xã \(index % 4_250)", .text)
            let indicator: Spreadsheet.Cell = .text("Tên miền id.vn đăng ký mới", .text)
            let value: Spreadsheet.Cell = .number(Double(index * 7 % 1_000), .decimal)
            return [unit, indicator, value]
        }
        let workbook = Spreadsheet(sheets: [sheet])
        let expected = workbook.bytes()

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hiendien-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try OutputFiles.NewFile(path)
        try workbook.write(into: file)
        try file.close()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)

        var read = try Workbook(bytes: expected, label: "tables.xlsx")
        let cells = try read.cells(of: read.sheets[0])
        #expect(cells.rows.count == 60_001)
        let last = try #require(cells.rows[60_001])
        #expect(last[1] == "Ủy ban nhân dân xã \(59_999 % 4_250)")
        #expect(last[3] == String(59_999 * 7 % 1_000))
    }
}
