import Foundation
import Testing

@testable import HienDienKit

struct TextEncodingTests {
    /// "Sở Khoa học và Công nghệ" as each legacy encoding writes it, byte by byte.
    static let phrase: [(TextEncoding.LegacyEncoding, [UInt8])] = [
        // Windows-1258: ơ = F5 then the combining hook D2; o + combining dot F2; à = E0; ô = F4; ê = EA + dot F2.
        (.windows1258, Array("S".utf8) + [0xF5, 0xD2] + Array(" Khoa ho".utf8) + [0xF2] + Array("c v".utf8) + [0xE0]
            + Array(" C".utf8) + [0xF4] + Array("ng ngh".utf8) + [0xEA, 0xF2]),
        // TCVN3: ở = EB, ọ = E4, à = B5, ô = AB, ệ = D6 — "Së Khoa häc vµ C«ng nghÖ" on a Western code page.
        (.tcvn3, Array("S".utf8) + [0xEB] + Array(" Khoa h".utf8) + [0xE4] + Array("c v".utf8) + [0xB5]
            + Array(" C".utf8) + [0xAB] + Array("ng ngh".utf8) + [0xD6]),
        // VNI: ơ = F4 then hook FB; o + dot EF; a + grave F8; o + circumflex E2; e + circumflex-dot E4 — "Sôû Khoa hoïc".
        (.vni, Array("S".utf8) + [0xF4, 0xFB] + Array(" Khoa ho".utf8) + [0xEF] + Array("c va".utf8) + [0xF8]
            + Array(" Co".utf8) + [0xE2] + Array("ng nghe".utf8) + [0xE4]),
    ]

    @Test(arguments: phrase)
    func guessesTheLegacyEncodingOfTheDepartmentsName(encoding: TextEncoding.LegacyEncoding, bytes: [UInt8]) {
        #expect(TextEncoding.guessLegacyEncoding(of: bytes) == encoding)
        #expect(TextEncoding.decode(bytes, as: encoding) == "Sở Khoa học và Công nghệ")
    }

    @Test(arguments: [
        ("windows-1258", TextEncoding.LegacyEncoding.windows1258), ("tcvn3", .tcvn3), ("vni", .vni),
    ])
    func guessesTheLegacyEncodingOfAWholeReport(fixture: String, encoding: TextEncoding.LegacyEncoding) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/csv/\(fixture)", withExtension: "csv"))
        let bytes = Array(try Data(contentsOf: url))
        #expect(TextEncoding.guessLegacyEncoding(of: bytes) == encoding)
        let error = try #require(throws: InputError.self) { try TextEncoding.check(bytes, fileLabel: "r.csv") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == "encoding.invalid-utf8")
        #expect(diagnostic.location.line == 1 && diagnostic.location.column == 1)
        #expect(diagnostic.message.contains("probably \(encoding.rawValue)"))
        #expect(diagnostic.hint?.contains("CSV UTF-8") == true)
        #expect(diagnostic.hint?.contains("đơn vị;kỳ báo cáo") == true, "the hint shows the line read as the guess")
    }

    @Test func refusesWithLineColumnAndOffsetOfTheFirstBadByte() throws {
        let bytes = Array("unit,name\r\nSKHCN,Sở ".utf8) + Array("x,S".utf8) + [0xEB] + Array(" Khoa h".utf8) + [0xE4, 0x63]
        let error = try #require(throws: InputError.self) {
            try TextEncoding.check(bytes, fileLabel: "r.csv", code: "json.invalid-utf8", advice: .textEditor)
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == "json.invalid-utf8")
        #expect(diagnostic.location == SourceLocation(file: "r.csv", line: 2, column: 13))
        #expect(diagnostic.message.contains("byte offset \(bytes.firstIndex(of: 0xEB)!)"))
        #expect(diagnostic.offending == "0xEB")
        #expect(diagnostic.hint?.contains("text editor") == true)
    }

    @Test func acceptsUTF8WithOrWithoutBOMInEitherNormalForm() throws {
        try TextEncoding.check(Array("Sở Khoa học và Công nghệ".utf8), fileLabel: "a")
        try TextEncoding.check([0xEF, 0xBB, 0xBF] + Array("Sở Khoa học".decomposedStringWithCanonicalMapping.utf8), fileLabel: "a")
        try TextEncoding.check(Array("🇻🇳 ₫ \u{10FFFF}".utf8), fileLabel: "a")
        try TextEncoding.check([], fileLabel: "a")
    }

    @Test(arguments: [
        ([0x80], 0), ([0xC0, 0x80], 0), ([0xC1, 0xBF], 0), ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0),
        ([0xF0, 0x80, 0x80, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0xFF], 0), ([0x61, 0xE1, 0xBB], 1), ([0x61, 0xC3], 1), ([0xC3, 0x28], 0),
        (Array("abcdefghijklmnopq".utf8) + [0xE4, 0x63], 17), (Array("Sở 12345678".utf8) + [0xB5], 13),
    ] as [([UInt8], Int)])
    func findsTheFirstInvalidSequence(bytes: [UInt8], offset: Int) {
        #expect(TextEncoding.firstInvalidUTF8(in: bytes) == offset)
    }

    @Test func validSequencesOfEveryLengthPass() {
        let text = Array("a é ệ 𝄞 \u{7F} \u{80} \u{7FF} \u{800} \u{FFFF} \u{10000}".utf8)
        #expect(TextEncoding.firstInvalidUTF8(in: text) == nil)
    }

    @Test(arguments: [
        [0xFF, 0xFE] + Array("u\0n\0i\0t\0".utf8), [0xFE, 0xFF] + Array("\0u\0n\0i\0t".utf8), Array("u\0n\0i\0t\0,\0v\0".utf8),
    ])
    func recognisesUTF16(bytes: [UInt8]) throws {
        let error = try #require(throws: InputError.self) { try TextEncoding.check(bytes, fileLabel: "r.csv") }
        #expect(error.diagnostics.first?.code == "encoding.utf16")
        #expect(error.diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test func recognisesAWorkbookSavedUnderACSVName() throws {
        let error = try #require(throws: InputError.self) {
            try TextEncoding.check([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], fileLabel: "r.csv")
        }
        #expect(error.diagnostics.first?.code == "encoding.workbook")
        #expect(error.diagnostics.first?.hint?.contains("CSV UTF-8") == true)
    }

    @Test func makesNoGuessForTextThatIsNotVietnamese() {
        let latin1 = Array("Se\u{F1}or Mu\u{F1}oz vivi\u{F3} en Espa\u{F1}a".unicodeScalars.map { UInt8($0.value) })
        #expect(TextEncoding.guessLegacyEncoding(of: latin1) == nil)
        let noise: [UInt8] = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }
        #expect(TextEncoding.guessLegacyEncoding(of: noise) == nil)
        #expect(TextEncoding.guessLegacyEncoding(of: Array("plain ASCII only".utf8)) == nil)
    }

    @Test(arguments: [
        ("nghiêng", 1), ("quyết", 1), ("giữ", 1), ("Trường", 1), ("ĐƯỜNG", 1), ("hoïc", -1), ("ừề", -1), ("ë", -1),
        ("cafés", -1),
    ])
    func scoresVietnameseSyllables(word: String, score: Int) {
        #expect(VietnameseSyllables.score(word) == score)
    }
}
