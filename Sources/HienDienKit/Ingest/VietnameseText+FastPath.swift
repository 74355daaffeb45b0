import Foundation

/// The short way to `matchKey` for text that is already precomposed (NFC) Vietnamese.
///
/// Names in plans and reports are almost always ASCII and precomposed Vietnamese letters.
/// For such text, lower case is a table lookup per scalar, canonical decomposition and
/// recomposition give back the same scalars, and only a syllable whose tone moves
/// ("hoá" → "hóa") needs the long way. Building a national plan's name tables (4,250 units)
/// took most of the time of refusing a file of unknown units before this path existed.
///
/// Anything else — decomposed input, combining marks, letters of other alphabets, spaces
/// beyond ASCII — makes the short way give up (nil), and the long way decides.
extension VietnameseText {
    /// Each precomposed Vietnamese letter outside ASCII, in either case, mapped to its lower
    /// case: the vowels a ă â e ê i o ô ơ u ư y with each of the five tones or none, and đ.
    static let vietnameseLowercase: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for letter in vietnameseLetters {
            table[letter] = letter
            let upper = String(letter).uppercased().unicodeScalars
            if upper.count == 1, let capital = upper.first, capital != letter,
               String(capital).lowercased().unicodeScalars.elementsEqual([letter]) {
                table[capital] = letter
            }
        }
        return table
    }()

    /// Each lower-case letter of `vietnameseLowercase` without its diacritics (`đ` as `d`).
    static let vietnameseFolded: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for letter in vietnameseLetters {
            table[letter] = letter == "đ" ? "d" : String(letter).decomposedStringWithCanonicalMapping.unicodeScalars.first
        }
        return table
    }()

    /// The lower-case letters `a`, `e`, `y` carrying one tone and no other mark: the second vowel
    /// of an `oa`/`oe`/`uy` syllable written in the new style, whose tone `matchKey` moves.
    static let newStyleTonedVowels: Set<Unicode.Scalar> = {
        var set: Set<Unicode.Scalar> = []
        for base in ["a", "e", "y"] {
            for tone in toneMarks {
                let scalars = (base + String(tone)).precomposedStringWithCanonicalMapping.unicodeScalars
                if scalars.count == 1, let letter = scalars.first { set.insert(letter) }
            }
        }
        return set
    }()

    /// The precomposed lower-case Vietnamese letters outside ASCII (a single scalar each).
    private static let vietnameseLetters: [Unicode.Scalar] = {
        var letters: [Unicode.Scalar] = ["đ"]
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"] {
                let scalars = (base + tone).precomposedStringWithCanonicalMapping.unicodeScalars
                if scalars.count == 1, let letter = scalars.first, !letter.isASCII { letters.append(letter) }
            }
        }
        return letters
    }()

    // MARK: - Words

    /// `fullWords(of:)` for text of ASCII and precomposed Vietnamese letters; nil for other text.
    static func fastWords(of text: String, expanding: Bool = true) -> [String]? {
        var result: [String] = []
        var chunk: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if isASCIIWhitespace(scalar) {
                    if !chunk.isEmpty {
                        appendWords(ofChunk: chunk, expanding: expanding, to: &result, syllable: precomposedSyllable)
                        chunk.removeAll(keepingCapacity: true)
                    }
                } else {
                    chunk.append(asciiLowercase(scalar))
                }
            } else if let lower = vietnameseLowercase[scalar] {
                chunk.append(lower)
            } else {
                return nil
            }
        }
        if !chunk.isEmpty {
            appendWords(ofChunk: chunk, expanding: expanding, to: &result, syllable: precomposedSyllable)
        }
        return result
    }

    /// `syllable(_:)` for a word in NFC (lower-case ASCII and `vietnameseLowercase` letters).
    ///
    /// The scalars are already the key, unless the word ends in `o`/`u` and a new-style toned
    /// `a`/`e`/`y`: that one goes the long way, which moves the tone (or, after `q`, not).
    static func precomposedSyllable(_ scalars: [Unicode.Scalar]) -> String {
        let count = scalars.count
        if count >= 2, scalars[count - 2] == "o" || scalars[count - 2] == "u",
           newStyleTonedVowels.contains(scalars[count - 1]) {
            return syllable(Array(text(of: scalars).decomposedStringWithCanonicalMapping.unicodeScalars))
        }
        return text(of: scalars)
    }

    /// The scalars as a string, encoded in one go (`String.UnicodeScalarView`'s initialiser
    /// appends them one by one, and was the most of the short way's time).
    static func text(of scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Folding

    /// `fullFold(_:)` for a key of ASCII and lower-case Vietnamese letters; nil for another key.
    static func fastFold(_ key: String) -> String? {
        var scalars: [Unicode.Scalar] = []
        for scalar in key.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar)
            } else if let base = vietnameseFolded[scalar] {
                scalars.append(base)
            } else {
                return nil
            }
        }
        return text(of: scalars)
    }

    // MARK: - ASCII

    /// Unicode's White_Space within ASCII: tab, line feed, vertical tab, form feed, carriage
    /// return and space.
    static func isASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
    }

    /// Letters and digits: the ASCII scalars whose general category makes them part of a word.
    static func isASCIIWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }
}
