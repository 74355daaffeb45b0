import Foundation
import Testing
@testable import HienDienKit

/// `report.docx` from HTML given as bytes: the reader decodes characters from their lead byte,
/// so bytes that are not UTF-8 are read as a String reads them (U+FFFD), never past a character
/// cut short.
struct WordDocumentBytesTests {
    /// "Sở KH&CN" with the "ở" cut to its first byte, before a tag and at the very end of the input.
    @Test func aCharacterCutShortIsReadAsAReplacementCharacter() throws {
        let cut = Array("ở".utf8).prefix(1)
        for html in [Array("<p>S".utf8) + cut + Array(" KH&amp;CN</p>".utf8), Array("<p>Sở KH&amp;CN</p><p>S".utf8) + cut] {
            let docx = WordDocument.make(fromHTML: html)
            #expect(docx == WordDocument.make(fromHTML: String(decoding: html, as: UTF8.self)))
            var archive = try ZipArchive(bytes: docx, label: "report.docx")
            let document = String(decoding: try #require(try archive.data("word/document.xml")), as: UTF8.self)
            #expect(document.contains(">S\u{FFFD}"))
        }
    }
}
