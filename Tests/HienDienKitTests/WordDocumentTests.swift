import Foundation
import Testing
@testable import HienDienKit

/// `report.docx`: the report's HTML in Decree 30/2020/NĐ-CP's page setup, read back from its XML.
struct WordDocumentTests {
    func parts(_ bytes: [UInt8]) throws -> (document: String, styles: String, header: String) {
        var archive = try ZipArchive(bytes: bytes, label: "report.docx")
        func part(_ name: String) throws -> String { String(decoding: try #require(try archive.data(name)), as: UTF8.self) }
        let document = try part("word/document.xml")
        // Every part is well-formed XML.
        for entry in archive.entries { try XMLReader.parse(try archive.data(entry.name)!, part: entry.name, label: "report.docx") { _ in } }
        return (document, try part("word/styles.xml"), try part("word/header1.xml"))
    }

    /// Appendix I of the decree: A4; margins top and bottom 20–25 mm, left 30–35 mm, right
    /// 15–20 mm; Times New Roman 13–14 pt; page numbers centred in the top margin, not on page 1.
    @Test func decree30PageSetupReadBackFromTheXML() throws {
        let html = try ReportRendererTests.renderer.html(ReportRendererTests.quarter)
        let (document, styles, header) = try parts(WordDocument.make(fromHTML: html))
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))  // A4 portrait: 210 × 297 mm
        #expect(document.contains("<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""))  // 20/15/20/30 mm
        #expect(document.contains("<w:titlePg/>"))  // no number on page 1
        #expect(styles.contains("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""))
        #expect(styles.contains("<w:sz w:val=\"28\"/>"))  // 14 pt
        #expect(header.contains("<w:jc w:val=\"center\"/>") && header.contains(" PAGE "))
        // The header block as a borderless table; data tables repeat their header rows.
        #expect(document.contains("<w:top w:val=\"none\""))
        #expect(document.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(document.contains("<w:tblHeader/>"))
        // The same figures as the HTML: the ratio of sums and the goal with a thousands dot.
        #expect(html.contains("4.026") && document.contains("4.026"))
        #expect(!document.contains("<svg") && !document.contains("{{"))
        #expect(WordDocument.make(fromHTML: html) == WordDocument.make(fromHTML: html))  // byte-identical
    }

    @Test func anAppendixMarkedLandscapeGetsALandscapeSectionOfItsOwn() throws {
        let html = """
            <!DOCTYPE html><html><head><style>@page wide { size: A4 landscape }</style></head><body><main>
            <h2>I. Kết quả</h2><p>Có <b>3</b>/<i>5</i> đơn vị<br>đã báo cáo &amp; đúng hạn.</p>
            <section class="appendix landscape"><h2>Phụ lục I</h2>
            <table class="data"><thead><tr><th>Đơn vị</th><th colspan="2">Số liệu</th></tr></thead>
            <tbody><tr><td>Sở Tài chính</td><td class="num">1.250</td><td>x</td></tr></tbody></table></section>
            <p>Phần sau <blink>nhấp nháy</blink>.</p></main></body></html>
            """
        let (document, _, _) = try parts(WordDocument.make(fromHTML: html))
        let sections = document.components(separatedBy: "<w:sectPr>").dropFirst().map { $0.components(separatedBy: "</w:sectPr>")[0] }
        #expect(sections.count == 3)
        #expect(sections.map { $0.contains("w:orient=\"landscape\"") } == [false, true, false])
        #expect(sections[1].contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(sections[0].contains("<w:titlePg/>") && !sections[1].contains("<w:titlePg/>"))
        // The landscape table is as wide as the landscape text width: 297 − 30 − 15 mm.
        #expect(document.contains("<w:tblW w:w=\"\(16838 - 1701 - 850)\" w:type=\"dxa\"/>"))
        #expect(document.contains("<w:gridSpan w:val=\"2\"/>"))
        #expect(document.contains("<w:t xml:space=\"preserve\">đã báo cáo &amp; đúng hạn.</w:t>"))
        #expect(document.contains("<w:r><w:br/></w:r>"))
        #expect(document.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">3</w:t>"))
        #expect(document.contains("nhấp nháy"))  // an unknown tag gives its text
        #expect(!document.contains("size: A4"))  // styles are not text
    }
}
