import Foundation
import Testing
@testable import HienDienKit

/// tables.xlsx written as bytes, row by row (issue 16): the same workbook as before, cell for
/// cell and byte for byte.
struct SpreadsheetBytesTests {
    static let texts = [
        "", "Sở Khoa học và Công nghệ", "Ủy ban nhân dân xã Phước Hòa, huyện Tuy Phước, tỉnh Bình Định",
        "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng biz.vn — “tên miền” …",
        "Nhie\u{302}\u{300}u dấu kết hợp (NFD) trong một dòng dài hơn ba mươi ký tự",
        "dòng một\ndòng hai rất dài, dài hơn hai mươi tám ký tự một chút\n\n", "CRLF\r\ntách dòng\r\n",
        "biểu tượng 🇻🇳 và 👩‍💻 trong tên đơn vị kéo dài", String(repeating: "a", count: 29), "ascii\nonly\n",
    ]

    @Test func wrappedLinesCountCharactersAsPeopleSeeThem() {
        for text in Self.texts {
            for perLine in [1, 5, 11, 28, 41, 104] {
                // Characters, line by line: what the row height was computed from before.
                let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .reduce(0) { $0 + max(1, ($1.count + perLine - 1) / perLine) }
                #expect(Spreadsheet.lineCount(text, perLine: perLine) == expected, "\(text.debugDescription) at \(perLine)")
            }
        }
    }

    @Test func aLongUnitNameMakesItsRowThreeLinesHigh() throws {
        // 61 characters in the 30-wide "Đơn vị" column (28 a line): three lines of 15.75 pt.
        var sheet = Spreadsheet.Sheet(name: "Số liệu")
        sheet.rows = [[.text("Đơn vị", .header)], [.text(Self.texts[2])], [.text("Sở Tài chính")]]
        sheet.columnWidths = [30]
        let xml = try Self.sheetXML(Spreadsheet(sheets: [sheet]))
        #expect(xml.contains("<row r=\"2\" ht=\"47.25\" customHeight=\"1\"><c r=\"A2\" s=\"2\" t=\"s\"><v>1</v></c>"))
        #expect(xml.contains("<row r=\"3\"><c r=\"A3\" s=\"2\" t=\"s\"><v>2</v></c></row>"))
    }

    @Test func cellTextIsEscapedAsXMLTextEscapesIt() {
        let hostile = ["a & b < c > d \"e\" 'f'", "tab\there\u{1}\u{8}\u{1F}end\r\n", "\u{FFFE}x\u{FFFF}y\u{FFFD}\u{EFFF}",
                       "Đắk Lắk & Kon Tum"] + Self.texts
        for text in hostile {
            var bytes = WorksheetBytes()
            bytes.escaped(text)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == XMLText.escaped(text), "\(text.debugDescription)")
        }
    }

    @Test func generatedRowsGiveTheBytesOfStoredRows() throws {
        let rows: [[Spreadsheet.Cell]] = (1...2500).map { index in
            [.text("Đơn vị \(index)"), .number(Double(index) * 1.5, .decimal), .number(Double(index)), .blank(.date),
             Spreadsheet.Cell(value: .day(Day(year: 2026, month: 6, day: 30)!), style: .date), .blank(),
             .text(index % 7 == 0 ? Self.texts[index % Self.texts.count] : "")]
        }
        var stored = Spreadsheet.Sheet(name: "Bảng")
        stored.rows = [["A", "B", "C", "D", "E", "F", "G"].map { .text($0, .header) }] + rows
        stored.columnWidths = [12, 10, 10, 10, 12, 8, 30]
        stored.frozenRows = 1
        stored.autoFilter = true
        var generated = stored
        generated.rows = [stored.rows[0]]
        generated.generatedRows = .init(count: rows.count, width: 7) { rows[$0] }
        #expect(Spreadsheet(sheets: [stored]).bytes() == Spreadsheet(sheets: [generated]).bytes())
        let xml = try Self.sheetXML(Spreadsheet(sheets: [generated]))
        #expect(xml.contains("<dimension ref=\"A1:G2501\"/>") && xml.contains("<autoFilter ref=\"A1:G2501\"/>"))
        #expect(xml.contains("<c r=\"B3\" s=\"11\"><v>3</v></c><c r=\"C3\" s=\"6\"><v>2</v></c><c r=\"D3\" s=\"10\"/>"))
        #expect(xml.contains("<c r=\"B2\" s=\"11\"><v>1.5</v></c>") && xml.contains("<c r=\"E2\" s=\"10\"><v>46203</v></c>"))
    }

    static func sheetXML(_ spreadsheet: Spreadsheet) throws -> String {
        var workbook = try Workbook(bytes: spreadsheet.bytes(), label: "t.xlsx")
        return String(decoding: try #require(try workbook.archive.data("xl/worksheets/sheet1.xml")), as: UTF8.self)
    }
}
