import Foundation
import Testing
@testable import HienDienKit

/// tables.xlsx with shared strings (ECMA-376 Part 1 §18.4): a national table of figures repeats
/// "Quý II/2028", unit and indicator names on every row; each is written once and read back
/// through the workbook reader as the same cells.
struct SpreadsheetSharedStringsTests {
    static let units = ["Sở Tài chính", "UBND xã Quảng Phú", "Ủy ban nhân dân xã Phước Hòa, huyện Tuy Phước, tỉnh Bình Định"]
    static let indicators = [("id_vn_new", "Số tên miền .vn đăng ký mới"), ("biz_share", "Tỷ lệ doanh nghiệp & hộ kinh doanh <dùng> \"biz.vn\"")]

    /// Rows as the indicators sheet gives them: period, unit id and name, indicator id and name, a count.
    static let rows: [[Spreadsheet.Cell]] = (0..<600).map { index in
        let unit = units[index % units.count], indicator = indicators[index % indicators.count]
        return [.text("Quý II/2028"), .text("U\(index % units.count)"), .text(unit), .text(indicator.0), .text(indicator.1),
                .number(Double(index * 7)), Spreadsheet.Cell(value: .day(Day(year: 2028, month: 6, day: 30)!), style: .date),
                .text(index % 5 == 0 ? "Có" : "")]
    }

    static func workbook() -> Spreadsheet {
        var values = Spreadsheet.Sheet(name: "Số liệu chỉ tiêu")
        values.rows = [["Kỳ báo cáo", "Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Giá trị kỳ", "Ngày", "Số liệu kỳ trước"].map { .text($0, .header) }]
        values.generatedRows = .init(count: rows.count, width: 8) { rows[$0] }
        values.columnWidths = [12, 14, 30, 20, 44, 12, 12, 12]
        var notes = Spreadsheet.Sheet(name: "Nhiệm vụ")
        notes.rows = [[.text("  thụt lề đầu"), .text("cuối dòng\n"), .text("giữa\ndòng"), .text("Quý II/2028")]]
        return Spreadsheet(sheets: [values, notes])
    }

    @Test func theReaderGetsTheCellsOfTheRowsGiven() throws {
        var workbook = try Workbook(bytes: Self.workbook().bytes(), label: "tables.xlsx")
        let cells = try workbook.cells(of: workbook.sheets[0])
        #expect(cells.rows[1]?[1] == "Kỳ báo cáo" && cells.rows[1]?[8] == "Số liệu kỳ trước")
        for (offset, row) in Self.rows.enumerated() {
            let expected: [Int: String] = Dictionary(uniqueKeysWithValues: row.enumerated().compactMap { column, cell in
                switch cell.value {
                case .text(let text): return text.isEmpty ? nil : (column + 1, text)
                case .number(let number): return (column + 1, Spreadsheet.format(number))
                case .day(let day): return (column + 1, day.description)
                case .blank: return nil
                }
            })
            #expect(cells.rows[offset + 2] == expected, "row \(offset + 2)")
        }
        let notes = try workbook.cells(of: workbook.sheets[1])
        #expect(notes.rows[1] == [1: "  thụt lề đầu", 2: "cuối dòng\n", 3: "giữa\ndòng", 4: "Quý II/2028"])
    }

    @Test func eachTextIsWrittenOnceAndCellsReferToIt() throws {
        let bytes = Self.workbook().bytes()
        var workbook = try Workbook(bytes: bytes, label: "tables.xlsx")
        // 8 headers, "Quý II/2028", 3 unit ids and names, 2 indicator ids and names, "Có", "" and 3 notes.
        #expect(workbook.sharedStrings.count == 8 + 1 + 6 + 4 + 2 + 3)
        #expect(Set(workbook.sharedStrings).count == workbook.sharedStrings.count)
        let strings = String(decoding: try #require(try workbook.archive.data("xl/sharedStrings.xml")), as: UTF8.self)
        #expect(strings.contains("count=\"\(8 + 600 * 6 + 4)\" uniqueCount=\"24\""))
        #expect(strings.contains("<si><t>Quý II/2028</t></si>"))
        #expect(strings.contains("<si><t>Tỷ lệ doanh nghiệp &amp; hộ kinh doanh &lt;dùng&gt; &quot;biz.vn&quot;</t></si>"))
        // xml:space only where a text begins or ends with whitespace.
        #expect(strings.contains("<si><t xml:space=\"preserve\">  thụt lề đầu</t></si>"))
        #expect(strings.contains("<si><t xml:space=\"preserve\">cuối dòng\n</t></si>"))
        #expect(strings.contains("<si><t>giữa\ndòng</t></si>"))
        #expect(strings.components(separatedBy: "xml:space").count == 3)
        let sheet = String(decoding: try #require(try workbook.archive.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(!sheet.contains("inlineStr"))
        #expect(sheet.contains("<row r=\"2\"><c r=\"A2\" s=\"2\" t=\"s\"><v>8</v></c>"))
        let types = String(decoding: try #require(try workbook.archive.data("[Content_Types].xml")), as: UTF8.self)
        #expect(types.contains("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"))
        let rels = String(decoding: try #require(try workbook.archive.data("xl/_rels/workbook.xml.rels")), as: UTF8.self)
        #expect(rels.contains("relationships/sharedStrings\" Target=\"sharedStrings.xml\""))
    }
}
