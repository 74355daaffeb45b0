import Foundation
import Testing
@testable import HienDienKit

/// The header block in Word as Decree 30/2020/NĐ-CP lays it out and as the printed page shows it:
/// the governing body's name on two even lines, the issuing body's name on one line with a short
/// centred line under it (not underlined), the columns' whole width used.
struct WordDocumentHeaderTests {
    func document(issuer: String, body: String) throws -> String {
        let html = """
            <table class="doc-header" role="presentation"><colgroup><col class="left"><col class="right"></colgroup><tr>
            <td><div class="issuer">\(issuer)</div><div class="body-name"><span class="rule-short">\(body)</span></div>
            <div class="number">Số: …/BC-SKHCN</div></td>
            <td><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div class="motto"><span class="rule-full">Độc lập - Tự do - Hạnh phúc</span></div></td></tr></table>
            """
        var archive = try ZipArchive(bytes: WordDocument.make(fromHTML: html), label: "report.docx")
        return String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
    }

    /// The paragraphs of the document's text, each as its runs' text with "|" for a line break,
    /// and "—" for a paragraph with a top border and no text (the short line).
    func paragraphs(_ document: String) -> [String] {
        document.components(separatedBy: "<w:p>").dropFirst().map { paragraph in
            let body = paragraph.components(separatedBy: "</w:p>")[0]
            if body.contains("<w:pBdr><w:top ") && !body.contains("<w:t>") && !body.contains("<w:t ") { return "—" }
            var text = ""
            for piece in body.components(separatedBy: "<w:r>").dropFirst() {
                if piece.hasPrefix("<w:br/>") { text += "|" }
                if let start = piece.range(of: "\">")?.upperBound, piece.contains("<w:t"),
                   let tStart = piece.range(of: "<w:t")?.lowerBound, start > tStart,
                   let end = piece.range(of: "</w:t>")?.lowerBound {
                    text += piece[start..<end]
                }
            }
            return text
        }
    }

    @Test func aLongGoverningBodyBreaksEvenlyAndTheIssuingBodyHasAShortLineUnderIt() throws {
        let document = try document(issuer: "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", body: "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        let texts = paragraphs(document)
        #expect(Array(texts.prefix(4)) == ["ỦY BAN NHÂN DÂN|TỈNH VĨNH LONG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "—", "Số: …/BC-SKHCN"])
        // The short line is a third of the left column (42 % of the 165 mm text width), centred.
        let left = (11906 - 1701 - 850) * 42 / 100
        #expect(document.contains("<w:ind w:left=\"\(left / 3)\" w:right=\"\(left / 3)\"/>"))
        // Only the motto is underlined, as long as its line.
        #expect(document.components(separatedBy: "<w:u w:val=\"single\"/>").count - 1 == 1)
        #expect(document.contains("<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"))
    }

    @Test func aNameThatFitsOneLineIsNotBroken() throws {
        let texts = paragraphs(try document(issuer: "BỘ KHOA HỌC VÀ CÔNG NGHỆ", body: "VỤ PHÁP CHẾ"))
        #expect(Array(texts.prefix(3)) == ["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "VỤ PHÁP CHẾ", "—"])
        let city = paragraphs(try document(issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", body: "SỞ KHOA HỌC VÀ CÔNG NGHỆ"))
        #expect(city.first == "ỦY BAN NHÂN DÂN|THÀNH PHỐ CẦN THƠ")
    }
}

/// The letters take the report's header block: in Word the same names, lines and widths.
struct LetterHeaderTests {
    @Test func theReminderLetterInWordHasTheDecreeHeaderAndItsAddresseesUnderOneAnother() throws {
        let plan = try IngestFixture().plan
        let units = Array(plan.units.prefix(3))
        let letter = ReminderLetter(plan: plan, period: .quarter(2, of: 2026), units: units,
                                    due: Day(year: 2026, month: 6, day: 19)!, date: Day(year: 2026, month: 6, day: 25)!)
        var archive = try ZipArchive(bytes: [UInt8](letter.docx()), label: "cong-van.docx")
        let document = String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
        let texts = WordDocumentHeaderTests().paragraphs(document)
        let rule = try #require(texts.firstIndex(of: "—"))
        #expect(texts[rule - 1] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" && texts[rule + 1].hasPrefix("Số:"))
        #expect(texts.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && texts.contains("Độc lập - Tự do - Hạnh phúc"))
        // "Kính gửi:" set to the right of its column, the addressees from the left of theirs.
        let addressedTo = try #require(document.range(of: ">Kính gửi:<"))
        let paragraphStart = try #require(document.range(of: "<w:p>", options: .backwards, range: document.startIndex..<addressedTo.lowerBound))
        #expect(document[paragraphStart.lowerBound..<addressedTo.lowerBound].contains("<w:jc w:val=\"right\"/>"))
        #expect(texts.contains { $0.hasPrefix("- \(units[0].name);|- \(units[1].name);|- \(units[2].name).") })
        // "Nơi nhận:" in bold italic, as the decree writes it.
        let recipients = try #require(document.range(of: ">Nơi nhận:<"))
        let run = document[document.range(of: "<w:r>", options: .backwards, range: document.startIndex..<recipients.lowerBound)!.lowerBound..<recipients.lowerBound]
        #expect(run.contains("<w:b/>") && run.contains("<w:i/>"))
    }
}
