import Foundation
import Testing
@testable import HienDienKit

/// `report.docx` converted from the HTML read as a stream: a national appendix (thousands of
/// units) is written row by row, sized from its own cells, without a tree of the page.
struct WordDocumentStreamingTests {
    func documentXML(_ bytes: [UInt8]) throws -> String {
        var archive = try ZipArchive(bytes: bytes, label: "report.docx")
        return String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
    }

    /// An appendix of 6.000 units (more than one 64 KB piece of XML): every unit's row in order,
    /// after the caption and the header row, whether the caption is written first or last.
    @Test func aLongAppendixTableKeepsItsRowsInOrderAfterItsCaption() throws {
        let rows = (1...6_000).map { "<tr><td>Đơn vị số \($0)</td><td class=\"num\">\($0 * 3)</td></tr>" }.joined()
        for captionFirst in [true, false] {
            let caption = "<caption>Phụ lục II. Kết quả của từng đơn vị</caption>"
            let html = "<section class=\"appendix\"><table class=\"data\">" + (captionFirst ? caption : "")
                + "<thead><tr><th>Đơn vị</th><th>Số tên miền</th></tr></thead><tbody>\(rows)</tbody>"
                + (captionFirst ? "" : caption) + "</table></section>"
            let document = try documentXML(WordDocument.make(fromHTML: html))
            let positions = ["Phụ lục II", "<w:tblHeader/>", "Đơn vị số 1<", "Đơn vị số 2<", "Đơn vị số 5999<", "Đơn vị số 6000<", ">18000<", "</w:tbl>"]
                .map { document.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(positions)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(document.components(separatedBy: "<w:tr>").count - 1 == 6_001)
            #expect(WordDocument.make(fromHTML: Array(html.utf8)) == WordDocument.make(fromHTML: html))
        }
    }

    /// A table nested in a cell is sized from its own cells and followed by a paragraph, as Word
    /// requires at the end of a cell; the outer table keeps its two columns.
    @Test func aTableInACellIsSizedByItself() throws {
        let html = """
            <table class="data"><tr><td>Nội dung</td><td><table><tr><td>1.000.000</td><td>a</td><td>b</td></tr></table></td></tr></table>
            """
        let document = try documentXML(WordDocument.make(fromHTML: html))
        #expect(document.components(separatedBy: "<w:tblGrid>").count - 1 == 2)
        #expect(document.components(separatedBy: "<w:gridCol ").count - 1 == 5)
        #expect(document.contains("</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p></w:tc>"))
    }
}
