import Foundation

/// Canonical forms of Vietnamese names, so that the spellings a unit's name arrives in compare equal.
///
/// `matchKey` is what matching uses; diacritics stay significant in it ("Sở" ≠ "So", "đ" ≠ "d").
/// `foldedKey` drops them too, and is only for ranking suggestions, never for accepting a match.
public enum VietnameseText {
    /// The key two spellings of one name share.
    ///
    /// In order:
    /// 1. Unicode normalisation (NFC and NFD input give the same key) and lower case.
    /// 2. Tone placement in a syllable that ends in `oa`, `oe` or `uy`: the mark goes on the
    ///    **first** vowel ("hóa", "khỏe", "thủy", "ủy" — the old style, the one the plans use),
    ///    so "Hoá"/"Hóa", "Khoẻ"/"Khỏe", "Thuỷ"/"Thủy", "Uỷ"/"Ủy" meet. Syllables where both styles
    ///    agree ("hoàn", "quý", "huỳnh") are left alone.
    /// 3. Words are runs of letters, marks and digits; everything else (spaces of any kind,
    ///    `-` `–` `,` `.` `/` `(` …) separates words, and `&` stands for the word "và".
    /// 4. Abbreviations in `abbreviations` are expanded when they are a whole word, with the
    ///    punctuation inside them ignored (`KH&CN`, `KH-CN` and `KHCN` are one abbreviation).
    ///    `TC` becomes "trung cấp" only after "trường"; elsewhere ("Sở TC") it is ambiguous and
    ///    is left as it is, to be matched by an alias.
    /// 5. Words are joined by single spaces.
    public static func matchKey(_ text: String) -> String {
        words(of: text).joined(separator: " ")
    }

    /// `matchKey` without any diacritics and with `đ` as `d`: "Sở Giáo dục" → "so giao duc".
    ///
    /// Only for finding near misses to suggest; two different names can share a folded key.
    public static func foldedKey(_ text: String) -> String {
        fold(matchKey(text))
    }

    /// The abbreviations `matchKey` expands, keyed by their lower-case letters without punctuation.
    ///
    /// "Sở TC" is deliberately absent: it can be Sở Tài chính or a training centre, so a plan
    /// that means it lists it as an alias.
    public static let abbreviations: [String: String] = {
        let table: [String: String] = [
            "ubnd": "ủy ban nhân dân",
            "tp": "thành phố",
            "tx": "thị xã",
            "đh": "đại học",
            "cđ": "cao đẳng",
            "thpt": "trung học phổ thông",
            "khcn": "khoa học và công nghệ",
            "gdđt": "giáo dục và đào tạo",
            "vhttdl": "văn hóa thể thao và du lịch",
            "lhpn": "liên hiệp phụ nữ",
            "htx": "hợp tác xã",
            "tttt": "thông tin và truyền thông",
        ]
        // Keys and expansions go through the same normalisation as the input they meet.
        return Dictionary(uniqueKeysWithValues: table.map { key, value in
            (key.precomposedStringWithCanonicalMapping, words(of: value, expanding: false).joined(separator: " "))
        })
    }()

    /// Abbreviations expanded only right after a given word: "Trường TC" is a vocational school.
    static let abbreviationsAfter: [String: [String: String]] = [
        "trường": ["tc": "trung cấp"]
    ]

    // MARK: - Words

    /// The words of `text` after steps 1–4 of `matchKey`.
    ///
    /// Text made only of ASCII and precomposed Vietnamese letters (what plans and most
    /// reports hold) takes `fastWords`, which skips Unicode normalisation; anything else takes
    /// `fullWords`. Both give the same words (a property test compares them on random text).
    static func words(of text: String, expanding: Bool = true) -> [String] {
        fastWords(of: text, expanding: expanding) ?? fullWords(of: text, expanding: expanding)
    }

    /// `words(of:)` the long way: lower case, canonical decomposition, word by word.
    static func fullWords(of text: String, expanding: Bool = true) -> [String] {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var result: [String] = []
        var chunk: [Unicode.Scalar] = []

        func flushChunk() {
            guard !chunk.isEmpty else { return }
            appendWords(ofChunk: chunk, expanding: expanding, to: &result, syllable: syllable)
            chunk.removeAll(keepingCapacity: true)
        }
        for scalar in decomposed.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" {
                flushChunk()
            } else {
                chunk.append(scalar)
            }
        }
        flushChunk()
        return result
    }

    /// Splits one space-delimited chunk (lower case) into words, expanding abbreviations.
    ///
    /// - Parameter syllable: makes a word's text from its scalars: `syllable(_:)` for a chunk
    ///   in NFD, `precomposedSyllable(_:)` for one in NFC.
    static func appendWords(
        ofChunk chunk: [Unicode.Scalar], expanding: Bool, to result: inout [String],
        syllable: ([Unicode.Scalar]) -> String
    ) {
        var pieces: [String] = []      // words, with "và" for "&"
        var letters: [Unicode.Scalar] = []
        var whole: [Unicode.Scalar] = []  // the chunk's letters without punctuation
        func flushPiece() {
            guard !letters.isEmpty else { return }
            pieces.append(syllable(letters))
            letters.removeAll(keepingCapacity: true)
        }
        for scalar in chunk {
            if isWordScalar(scalar) {
                letters.append(scalar)
                whole.append(scalar)
            } else {
                flushPiece()
                if scalar == "&" { pieces.append("và") }
            }
        }
        flushPiece()

        guard expanding else {
            result += pieces
            return
        }
        // The whole chunk as one abbreviation: "KH&CN", "VH,TT&DL", "TP."
        let wholeKey = syllable(whole)
        if let expansion = expansion(of: wholeKey, after: result.last) {
            result += expansion
            return
        }
        // Otherwise each piece on its own: "TP.Thanh" is "TP" then "Thanh".
        for piece in pieces {
            if let expansion = expansion(of: piece, after: result.last) {
                result += expansion
            } else {
                result.append(piece)
            }
        }
    }

    private static func expansion(of word: String, after previous: String?) -> [String]? {
        guard !word.isEmpty else { return nil }
        if let previous, let text = abbreviationsAfter[previous]?[word] {
            return text.split(separator: " ").map(String.init)
        }
        return abbreviations[word]?.split(separator: " ").map(String.init)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIWordScalar(scalar) }
        return hasWordCategory(scalar)
    }

    /// Letters, marks and digits by their general category: what `isWordScalar` means.
    static func hasWordCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    // MARK: - Tone placement

    /// The five tone marks (as combining characters); the other marks (â ă ê ô ơ ư) shape vowels.
    static let toneMarks: Set<Unicode.Scalar> = [
        "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}",
    ]

    /// One word (lower case, NFD) with its tone moved to the first vowel of a final
    /// `oa`/`oe`/`uy`, returned in NFC.
    static func syllable(_ scalars: [Unicode.Scalar]) -> String {
        var letters = splitLetters(scalars)
        let count = letters.count
        if count >= 2 {
            let first = letters[count - 2], second = letters[count - 1]
            let pair = (first.base, second.base)
            let isPair = pair == ("o", "a") || pair == ("o", "e") || pair == ("u", "y")
            let afterQ = count >= 3 && letters[count - 3].base == "q"
            // New style ("hoá": the tone alone on the second vowel) becomes old style ("hóa").
            if isPair, !(pair == ("u", "y") && afterQ), first.marks.isEmpty,
               second.marks.count == 1, toneMarks.contains(second.marks[0]) {
                letters[count - 2].marks = second.marks
                letters[count - 1].marks = []
            }
        }
        // Gathered in an array and made into text once: appending a sequence to a
        // `String.UnicodeScalarView` copies the whole text, so a long word took quadratic time.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(letters.count)
        for letter in letters {
            scalars.append(letter.base)
            scalars.append(contentsOf: letter.marks)
        }
        return text(of: scalars).precomposedStringWithCanonicalMapping
    }

    private struct Letter {
        var base: Unicode.Scalar
        var marks: [Unicode.Scalar]
    }

    private static func splitLetters(_ scalars: [Unicode.Scalar]) -> [Letter] {
        var letters: [Letter] = []
        for scalar in scalars {
            if scalar.properties.generalCategory == .nonspacingMark, !letters.isEmpty {
                letters[letters.count - 1].marks.append(scalar)
            } else {
                letters.append(Letter(base: scalar, marks: []))
            }
        }
        return letters
    }

    // MARK: - Folding

    static func fold(_ key: String) -> String {
        fastFold(key) ?? fullFold(key)
    }

    /// `fold(_:)` the long way: canonical decomposition, marks dropped, `đ` as `d`.
    static func fullFold(_ key: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in key.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ": scalars.append("d")
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
