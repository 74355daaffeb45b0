import Foundation
import Testing
@testable import HienDienKit

// Nested in the matcher's tests so that `--filter UnitMatcherTests` runs them too.
extension UnitMatcherTests {
    /// The short way to a match key (precomposed text) gives exactly what the long way gives.
    struct VietnameseTextFastPathTests {
        // MARK: - The tables, against Unicode itself

        @Test func asciiClassificationIsUnicodes() {
            for value in UInt8(0)...UInt8(127) {
                let scalar = Unicode.Scalar(value)
                #expect(VietnameseText.isASCIIWhitespace(scalar) == scalar.properties.isWhitespace, "\(value)")
                #expect(VietnameseText.isASCIIWordScalar(scalar) == VietnameseText.hasWordCategory(scalar), "\(value)")
                #expect(String(VietnameseText.asciiLowercase(scalar)) == String(scalar).lowercased(), "\(value)")
            }
        }

        /// The 67 letters: 12 vowels × 6 tones, less the 6 plain ASCII vowels, and đ; each in two cases.
        @Test func theLettersAreVietnamesesPrecomposedLettersInBothCases() {
            let lower = Set(VietnameseText.vietnameseLowercase.values)
            #expect(lower.count == 67)
            #expect(VietnameseText.vietnameseLowercase.count == 134)
            for letter in ["ắ", "ệ", "ỡ", "ự", "ỹ", "đ", "Đ", "Ẵ", "Ộ", "Ư"] {
                #expect(VietnameseText.vietnameseLowercase[letter.unicodeScalars.first!] != nil, "\(letter)")
            }
            for (letter, lowered) in VietnameseText.vietnameseLowercase {
                #expect(String(letter).lowercased() == String(lowered))
                #expect(String(lowered).precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([lowered]))
                #expect(VietnameseText.hasWordCategory(letter))
                #expect(VietnameseText.vietnameseFolded[lowered].map(String.init) == VietnameseText.fullFold(String(lowered)))
            }
        }

        @Test func theTonedVowelsAreTheNewStyleSecondVowels() {
            #expect(VietnameseText.newStyleTonedVowels == Set("áàảãạéèẻẽẹýỳỷỹỵ".unicodeScalars))
        }

        // MARK: - Which way a text takes

        @Test(arguments: ["Ủy ban nhân dân xã Long Đức", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "P01_XA001", "Trường TC VHNT&DL", ""])
        func precomposedTextTakesTheShortWay(_ text: String) {
            #expect(VietnameseText.fastWords(of: text) == VietnameseText.fullWords(of: text))
        }

        @Test(arguments: [
            "So\u{031B}\u{0309} Khoa ho\u{0323}c",  // decomposed
            "Sở\u{00A0}KH&CN", "A\u{202F}B", "a\u{200B}b",  // spaces beyond ASCII
            "Straße", "İstanbul", "A–B",  // other letters, a dash beyond ASCII
        ])
        func otherTextTakesTheLongWay(_ text: String) {
            #expect(VietnameseText.fastWords(of: text) == nil)
            #expect(VietnameseText.words(of: text) == VietnameseText.fullWords(of: text))
        }

        @Test func everySeedPlansNamesTakeTheShortWayToTheSameKeys() throws {
            var names = 0
            for id in ["thanh-hoa-2026-2030", "tra-vinh-2024-2025", "can-tho-2025", "hai-phong-svhttdl-2025-2026"] {
                let plan = try SeedPlanTests.plan(id)
                for unit in plan.units {
                    for text in [unit.id, unit.name] + unit.aliases {
                        let fast = try #require(VietnameseText.fastWords(of: text), "\(text)")
                        #expect(fast == VietnameseText.fullWords(of: text), "\(text)")
                        names += 1
                    }
                }
            }
            #expect(names > 100)
        }

        // MARK: - Random text

        /// Random text from pieces that matter to the key: syllables in both tone styles and cases,
        /// abbreviations, punctuation, ASCII controls, decomposed marks, spaces and letters beyond
        /// ASCII. Both ways must give the same words, match key and folded key for every one.
        @Test func randomTextGivesTheSameKeysBothWays() {
            var random = SplitMix64(seed: 0x5EED_2026)
            var short = 0
            let total = 20_000
            for _ in 0..<total {
                let text = Self.randomText(&random)
                for expanding in [true, false] {
                    let full = VietnameseText.fullWords(of: text, expanding: expanding)
                    #expect(VietnameseText.words(of: text, expanding: expanding) == full,
                            "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
                let key = VietnameseText.fullWords(of: text).joined(separator: " ")
                #expect(VietnameseText.matchKey(text) == key)
                #expect(VietnameseText.foldedKey(text) == VietnameseText.fullFold(key))
                if VietnameseText.fastWords(of: text) != nil { short += 1 }
            }
            // Both ways are exercised: neither is a rare case in the sample.
            #expect(short > total / 4 && short < total * 3 / 4, "\(short) of \(total) took the short way")
        }

        static let precomposedPieces = [
            "hoá", "hóa", "HOÁ", "Hoà", "khoẻ", "KHỎE", "thuỷ", "Thủy", "quý", "qúy", "QUÝ", "uý", "Uỷ", "ủy", "hoàn", "quá",
            "quả", "toà", "xoè", "huỳnh", "Đức", "đ", "Đ", "Sở", "sở", "ơ", "ư", "Nguyễn", "ngoặc", "oă", "oá", "uá", "ý",
            "UBND", "KH&CN", "KH-CN", "KHCN", "TP.", "tp", "TC", "Trường", "trường", "GD&ĐT", "gdđt", "VH,TT&DL", "HTX",
            "ĐH", "CĐ", "THPT", "Tttt", "&", "-", ",", ".", "/", "(", ")", "_", "'", "\t", "\n", "\r", "\u{0B}", "\u{0}",
            "\u{1F}", "P01_XA001", "2026", "x", "A", "Z", "0", "9",
        ]
        static let otherPieces = [
            "\u{00A0}", "\u{202F}", "\u{200B}", "\u{2013}", "\u{0301}", "\u{0300}", "\u{0323}", "\u{0302}", "\u{031B}",
            "\u{0306}", "\u{0309}", "ß", "İ", "Σ", "ǅ", "ﬁ", "\u{212B}", "o\u{0301}a", "ho\u{0309}e", "\u{1E9E}", "ı",
            "\u{0085}", "\u{3000}",
        ]
        static let letters = Array(VietnameseText.vietnameseLowercase.keys).sorted { $0.value < $1.value }

        /// One text in two of three is precomposed Vietnamese and ASCII only; the third holds
        /// one piece or more from `otherPieces` too.
        static func randomText(_ random: inout SplitMix64) -> String {
            var pieces: [String] = []
            for _ in 0..<(1 + random.next(below: 8)) {
                switch random.next(below: 10) {
                case 0...6: pieces.append(precomposedPieces[random.next(below: precomposedPieces.count)])
                case 7, 8: pieces.append(String(letters[random.next(below: letters.count)]))
                default: pieces.append(" ")
                }
            }
            if random.next(below: 3) == 0 {
                for _ in 0..<(1 + random.next(below: 2)) {
                    pieces.insert(otherPieces[random.next(below: otherPieces.count)], at: random.next(below: pieces.count + 1))
                }
            }
            return pieces.map { $0 + (random.next(below: 2) == 0 ? " " : "") }.joined()
        }

    }
}
