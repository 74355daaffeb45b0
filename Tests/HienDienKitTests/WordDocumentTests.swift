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

    /// The whitespace collapsing by scalars gives what the browser-like collapsing by
    /// Characters gave, on text mixing ASCII and Unicode spaces, no-break spaces, line breaks
    /// and Vietnamese letters (a space followed by a combining mark excepted: it now keeps the mark).
    @Test func whitespaceCollapsesAsByCharacters() {
        func byCharacters(_ text: String, atLineStart: inout Bool) -> String {
            var result = ""
            for character in text {
                if character.isWhitespace && character != "\u{A0}" {
                    if !atLineStart && result.last != " " { result.append(" ") }
                } else {
                    result.append(character)
                    atLineStart = false
                }
            }
            return result
        }
        let pieces = [" ", "  ", "\n", "\t", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "a", "Sở", "Khoa học", "ệ", "7", "."]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            for start in [true, false] {
                var old = start, new = start
                #expect(HTMLToWordprocessingML.collapsingWhitespace(text, atLineStart: &new) == byCharacters(text, atLineStart: &old), "\(Array(text.unicodeScalars))")
                #expect(old == new)
            }
        }
        var text = "Đạt   \u{A0}"
        HTMLToWordprocessingML.dropTrailingSpaces(&text)
        #expect(text == "Đạt   \u{A0}")
        text = "Đạt \u{A0}  "
        HTMLToWordprocessingML.dropTrailingSpaces(&text)
        #expect(text == "Đạt \u{A0}")
    }

    /// Column widths count characters by scalars without combining marks: the same counts as by
    /// Characters on the report's kind of text, precomposed or decomposed.
    @Test func cellLengthsCountCharactersAsAReaderDoes() {
        for text in ["Sở Khoa học và Công nghệ", "Tỷ lệ 37,62 %", "So\u{302}\u{301} lie\u{323}\u{302}u", "a\r\nb  c", "", "  ", "1.000.000 tên miền"] {
            let byCharacters = (text.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0, text.count)
            let byScalars = HTMLToWordprocessingML.lengths(text)
            #expect(byScalars.longestWord == byCharacters.0 && byScalars.length == byCharacters.1, "\(text)")
        }
    }

    /// The HTML reader on the markup it meets: void and self-closed elements, an end tag that
    /// closes inner ones, a stray end tag, comments, a doctype, entities in text and attributes,
    /// opaque `style`, a '<' that starts no tag, Vietnamese text, and a tag cut off at the end.
    @Test func htmlReadsIntoTheTreeABrowserWouldBuild() {
        func shape(_ node: HTMLNode) -> String {
            switch node {
            case .text(let text): return "'\(text)'"
            case .element(let name, let attributes, let children):
                let list = attributes.keys.sorted().map { "\($0)=\(attributes[$0]!)" }.joined(separator: ",")
                return name + (list.isEmpty ? "" : "[\(list)]") + "(" + children.map(shape).joined(separator: " ") + ")"
            }
        }
        let cases: [(String, String)] = [
            ("<!DOCTYPE html><p class=\"a b\" data-x='1'>Sở &amp; Ngành<br>xã<BR/>phường</p>",
             "#document(p[class=a b,data-x=1]('Sở & Ngành' br() 'xã' br() 'phường'))"),
            ("<div><p>một<span>hai</div>ba</i>", "#document(div(p('một' span('hai'))) 'ba')"),
            ("<style>p { x: 1 } </STYLE><p>a < b &lt; c<!-- ghi chú --> d</p>", "#document(style() p('a < b < c' ' d'))"),
            ("<td colspan=2 title=\"&quot;x&#39;\">1.000</td><p>cắt", "#document(td[colspan=2,title=\"x'](\'1.000\') p('cắt'))"),
            ("<p>hết<a href=\"x", "#document(p('hết' a[href=x]()))"),
        ]
        for (html, expected) in cases {
            #expect(shape(HTMLNode.parse(html)) == expected, "\(html)")
        }
    }
}
