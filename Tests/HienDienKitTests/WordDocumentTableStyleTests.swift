import Foundation
import Testing
@testable import HienDienKit

/// A data table's cells in 13 pt (Decree 30 allows 13–14 pt; tables take 13) with 2 pt above
/// and below, given once by the paragraph styles `TableText` and `TableNumber` instead of in
/// every cell of a national appendix.
struct WordDocumentTableStyleTests {
    @Test func dataCellsTakeTheirLookFromTheTableStyles() throws {
        let html = """
            <table class="data"><thead><tr><th>Đơn vị</th><th>Số tên miền</th></tr></thead>
            <tbody><tr><td>Sở Tài chính</td><td class="num">1.250</td></tr><tr class="total"><td>Cộng</td><td class="num"><span class="note">12</span></td></tr></tbody></table>
            <p class="note">Ghi chú ngoài bảng.</p>
            """
        var archive = try ZipArchive(bytes: WordDocument.make(fromHTML: html), label: "report.docx")
        let document = String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
        let styles = String(decoding: try #require(try archive.data("word/styles.xml")), as: UTF8.self)
        // The styles: 13 pt, 2 pt (40 twips) above and below; text left, numbers right.
        #expect(styles.contains("w:styleId=\"TableText\"><w:name w:val=\"Chữ trong bảng\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"26\"/>"))
        #expect(styles.contains("w:styleId=\"TableNumber\"><w:name w:val=\"Số trong bảng\"/><w:basedOn w:val=\"TableText\"/><w:qFormat/><w:pPr><w:jc w:val=\"right\"/>"))
        // A cell names its style and repeats none of it.
        #expect(document.contains("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Sở Tài chính</w:t></w:r></w:p>"))
        #expect(document.contains("<w:p><w:pPr><w:pStyle w:val=\"TableNumber\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1.250</w:t></w:r></w:p>"))
        // A header cell is centred and bold over the same style; the total row bold; a note italic.
        #expect(document.contains("<w:pStyle w:val=\"TableText\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Đơn vị</w:t>"))
        #expect(document.contains("<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">12</w:t>"))
        #expect(!document.contains("<w:spacing w:before=\"40\""))
        // Outside the table a 13 pt note keeps its direct size.
        #expect(document.contains("<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">Ghi chú ngoài bảng.</w:t>"))
    }
}

/// The widths a `<colgroup>` gives its columns (`<col style="width: 29%">`, as the targets table
/// writes them) are read as the pattern `[0-9.]+%` reads them, without a regular expression.
struct ColumnPercentageTests {
    @Test(arguments: [
        "width: 29%;", "width: 24.5%;", ";40%", "width:12.%", "width: 1.2.3%;", "width: 50px; max-width: 30%", "width: 30 %;",
        "margin: 1.5em;", "%", "..%", "9%%", "a1b%", "width: ½%", ";", "12", "width: 0%;", "width: 007%",
    ])
    func aPercentageIsWhatThePatternFinds(style: String) throws {
        let pattern = style.range(of: #"[0-9.]+%"#, options: .regularExpression).map { Double(style[$0].dropLast()) ?? 0 }
        #expect(HTMLToWordprocessingML.firstPercentage(in: style) == pattern)
    }

    @Test func theTargetsTableKeepsItsWidths() throws {
        let html = """
            <table class="data"><colgroup><col style="width: 29%"><col style="width: 15%"><col style="width: 20%"><col style="width: 12%"><col style="width: 24%"></colgroup>
            <tr><td>Chỉ tiêu</td><td>Mục tiêu</td><td>Kết quả</td><td>Tỷ lệ</td><td>Thực hiện</td></tr></table>
            """
        var archive = try ZipArchive(bytes: WordDocument.make(fromHTML: html), label: "report.docx")
        let document = String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
        let width = WordDocument.PageSetup.textWidth(.portrait)
        let columns = [29, 15, 20, 12].map { width * $0 / 100 }
        for column in columns { #expect(document.contains("<w:gridCol w:w=\"\(column)\"/>")) }
        #expect(document.contains("<w:gridCol w:w=\"\(width - columns.reduce(0, +))\"/>"))
    }
}
