import Foundation

/// Checks that input is UTF-8, and when it is not, says so in a way a provincial office can act on:
/// where the first bad byte is, and which legacy Vietnamese encoding the file probably uses.
///
/// Older government spreadsheets still use Windows-1258, TCVN3 (ABC, the `.Vn…` fonts) or VNI
/// (the `VNI-…` fonts); Excel's "Unicode Text" writes UTF-16. None of them is accepted: the
/// user re-saves the file, rather than the program guessing and storing garbled names.
public enum TextEncoding {
    /// A pre-Unicode Vietnamese encoding that `guessLegacyEncoding(of:)` can recognise.
    public enum LegacyEncoding: String, Sendable, CaseIterable {
        /// Microsoft's Vietnamese code page: letters from Latin-1 plus combining tone bytes.
        case windows1258 = "Windows-1258"
        /// TCVN 5712 VN3, "ABC": one byte per toned lowercase letter, fonts `.VnTime`, `.VnArial`.
        case tcvn3 = "TCVN3 (ABC)"
        /// VNI Windows: an ASCII vowel followed by bytes carrying its marks, fonts `VNI-Times`.
        case vni = "VNI Windows"
    }

    /// How the user should re-save a file, named in the hint.
    public enum SaveAdvice: Sendable {
        /// Excel's "CSV UTF-8 (Comma delimited)".
        case excelCSV
        /// A text editor's "UTF-8" encoding.
        case textEditor

        var instruction: String {
            switch self {
            case .excelCSV:
                "save it with Excel's File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)” "
                    + "(in Vietnamese Excel: “CSV UTF-8 (Phân cách bằng dấu phẩy)”)"
            case .textEditor: "save it with the encoding “UTF-8” in a text editor"
            }
        }
    }

    /// The code of a diagnostic for bytes that are not UTF-8 (formats may pass their own).
    public static let invalidUTF8Code = "encoding.invalid-utf8"
    /// The code of a diagnostic for a UTF-16 or UTF-32 file.
    public static let utf16Code = "encoding.utf16"
    /// The code of a diagnostic for an Excel workbook or ZIP archive given as a text file.
    public static let workbookCode = "encoding.workbook"

    // MARK: - Checking

    /// Throws an `InputError` unless `bytes` is UTF-8 text (an optional BOM is fine).
    ///
    /// The diagnostic gives the line and column (in characters) of the first invalid byte, its byte
    /// offset, and the probable legacy encoding. `code` replaces `encoding.invalid-utf8`, so that a
    /// format can keep its own prefix (`json.invalid-utf8`); `advice` says how the hint tells the
    /// user to re-save the file.
    public static func check(
        _ bytes: Span<UInt8>, fileLabel: String, code: String = invalidUTF8Code, advice: SaveAdvice = .excelCSV
    ) throws {
        if let diagnostic = sniffNonText(bytes, fileLabel: fileLabel) { throw InputError(diagnostic) }
        guard let bad = firstInvalidUTF8(in: bytes) else { return }
        let line = TextPosition.line(of: bad, in: bytes, from: 0, startingLine: 1)
        throw InputError(
            invalidUTF8Diagnostic(
                in: bytes, at: bad, fileOffset: bad, line: line.line, lineStart: line.lineStart,
                fileLabel: fileLabel, code: code, advice: advice))
    }

    /// Throws an `InputError` unless `bytes` is UTF-8 text. See `check(_:fileLabel:code:)`.
    public static func check(
        _ bytes: [UInt8], fileLabel: String, code: String = invalidUTF8Code, advice: SaveAdvice = .excelCSV
    ) throws {
        try check(bytes.span, fileLabel: fileLabel, code: code, advice: advice)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
    /// surrogates and a sequence cut off by the end count as invalid), or nil when all is valid.
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        firstInvalidUTF8(in: bytes.span)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence in `bytes`, or nil.
    public static func firstInvalidUTF8(in bytes: Span<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time: the common case of a Vietnamese file is long ASCII runs.
            if n - i >= 8 {
                let run = bytes.extracting(i..<(i + 8))
                if (run[0] | run[1] | run[2] | run[3] | run[4] | run[5] | run[6] | run[7]) & 0x80 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            let trailing: Int
            switch lead {
            case 0xC2...0xDF: trailing = 1
            case 0xE0: trailing = 2; low = 0xA0
            case 0xED: trailing = 2; high = 0x9F
            case 0xE1...0xEF: trailing = 2
            case 0xF0: trailing = 3; low = 0x90
            case 0xF4: trailing = 3; high = 0x8F
            case 0xF1...0xF3: trailing = 3
            default: return i
            }
            guard n - i > trailing else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            if trailing >= 2 && bytes[i + 2] & 0xC0 != 0x80 { return i }
            if trailing == 3 && bytes[i + 3] & 0xC0 != 0x80 { return i }
            i += trailing + 1
        }
        return nil
    }

    // MARK: - Files that are not UTF-8 text at all

    /// A diagnostic when the file's first bytes show UTF-16/UTF-32 or a spreadsheet workbook, else nil.
    static func sniffNonText(_ prefix: Span<UInt8>, fileLabel: String) -> Diagnostic? {
        let bytes = TextPosition.bytes(of: prefix, in: 0..<min(prefix.count, 4096))
        let location = SourceLocation(file: fileLabel, line: 1, column: 1)
        let saveAsUTF8 =
            "in Excel use File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”; in a text editor, save with the encoding “UTF-8”"
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            let kind = bytes[0] == 0x50 ? "an Excel workbook (.xlsx) or another ZIP archive" : "an Excel 97–2003 workbook (.xls)"
            return Diagnostic(
                at: location, code: workbookCode, message: "the file is \(kind), not a CSV or JSON text file",
                hint: "open it in Excel and use File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0, 0, 0xFE, 0xFF])
            || looksLikeUTF16(bytes)
        {
            return Diagnostic(
                at: location, code: utf16Code,
                message: "the file is UTF-16 or UTF-32 text (what Excel calls “Unicode Text”), not UTF-8",
                hint: saveAsUTF8)
        }
        return nil
    }

    /// ASCII text in UTF-16 has a NUL in every other byte; UTF-8 text has none.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        var evenNULs = 0
        var oddNULs = 0
        for (i, byte) in bytes.enumerated() where byte == 0 {
            if i % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        return max(evenNULs, oddNULs) * 10 >= (bytes.count / 2) * 3
    }

    // MARK: - Invalid UTF-8

    /// The diagnostic for an invalid byte at `offset` of `text` (`fileOffset` in the whole file), on
    /// `line`, which starts at `lineStart`.
    ///
    /// The guess looks at the text from the line's start onward (up to 64 KiB), so that a file whose
    /// first odd byte sits in a short cell is still judged on several words.
    static func invalidUTF8Diagnostic(
        in text: Span<UInt8>, at offset: Int, fileOffset: Int, line: Int, lineStart: Int,
        fileLabel: String, code: String, advice: SaveAdvice
    ) -> Diagnostic {
        let guess = guessLegacyEncoding(of: text.extracting(lineStart..<min(text.count, lineStart + 65536)))
        let lineEnd = TextPosition.lineEnd(in: text, from: offset)
        let lineBytes = TextPosition.bytes(of: text, in: lineStart..<lineEnd)
        let column = TextPosition.column(of: offset - lineStart, inLine: lineBytes.span)
        let badBytes = TextPosition.bytes(of: text, in: offset..<min(text.count, offset + 4)).prefix { $0 >= 0x80 }
        let shownBytes = badBytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        var message = "the file is not UTF-8 (invalid byte at byte offset \(fileOffset))"
        var hint: String
        switch guess {
        case .windows1258?:
            message += "; it is probably \(LegacyEncoding.windows1258.rawValue)"
            hint = "open it and " + advice.instruction
        case let legacy?:
            message += "; it is probably \(legacy.rawValue), an old Vietnamese font encoding"
            hint = "convert the text to Unicode first (for example with UniKey's toolkit, “Công cụ chuyển mã”, "
                + "from \(legacy.rawValue) to Unicode), then " + advice.instruction
        case nil:
            hint = advice.instruction
        }
        if let guess {
            let decoded = decode(lineBytes.span, as: guess)
            let shown = decoded.count > 100 ? String(decoded.prefix(100)) + "…" : decoded
            hint += ". Read as \(guess.rawValue), line \(line) says: “\(shown)”"
        }
        return Diagnostic(
            at: SourceLocation(file: fileLabel, line: line, column: column), code: code, message: message,
            offending: shownBytes, hint: hint,
            lineText: String(decoding: lineBytes.prefix(400), as: UTF8.self)).with("encoding", guess?.rawValue)
    }

    // MARK: - Guessing the legacy encoding

    /// The legacy Vietnamese encoding that makes the most words of `sample` well-formed Vietnamese
    /// syllables, or nil when none does clearly better than garbage. A heuristic: say "probably".
    public static func guessLegacyEncoding(of sample: [UInt8]) -> LegacyEncoding? {
        guessLegacyEncoding(of: sample.span)
    }

    /// The probable legacy encoding of `sample`. See `guessLegacyEncoding(of:)`.
    public static func guessLegacyEncoding(of sample: Span<UInt8>) -> LegacyEncoding? {
        var scored: [(LegacyEncoding, Int)] = []
        for encoding in LegacyEncoding.allCases {
            scored.append((encoding, VietnameseSyllables.score(decode(sample, as: encoding))))
        }
        scored.sort { $0.1 > $1.1 }
        guard let best = scored.first, best.1 > 0, best.1 > scored[1].1 else { return nil }
        return best.0
    }

    /// `bytes` read as `encoding` (bytes the encoding does not define become U+FFFD).
    static func decode(_ bytes: [UInt8], as encoding: LegacyEncoding) -> String {
        decode(bytes.span, as: encoding)
    }

    /// `bytes` read as `encoding`. See `decode(_:as:)`.
    static func decode(_ bytes: Span<UInt8>, as encoding: LegacyEncoding) -> String {
        let table = LegacyTables.table(for: encoding)
        var text = String.UnicodeScalarView()
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                text.append(Unicode.Scalar(byte))
            } else {
                text.append(contentsOf: table[Int(byte) - 0x80].unicodeScalars)
            }
        }
        return String(text)
    }
}

// MARK: - Legacy code tables

/// What each byte 0x80–0xFF means in each legacy encoding, as Unicode text (combining marks included).
private enum LegacyTables {
    static func table(for encoding: TextEncoding.LegacyEncoding) -> [String] {
        switch encoding {
        case .windows1258: windows1258
        case .tcvn3: tcvn3
        case .vni: vni
        }
    }

    static let windows1258: [String] = {
        let low: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0xFFFD, 0x2039,
            0x0152, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0xFFFD, 0x203A, 0x0153, 0xFFFD, 0xFFFD, 0x0178,
        ]
        // 0xA0–0xFF are Latin-1 except for the Vietnamese letters and the five combining tones.
        let vietnamese: [UInt8: UInt32] = [
            0xC3: 0x0102, 0xCC: 0x0300, 0xD0: 0x0110, 0xD2: 0x0309, 0xD5: 0x01A0, 0xDD: 0x01AF, 0xDE: 0x0303,
            0xE3: 0x0103, 0xEC: 0x0301, 0xF0: 0x0111, 0xF2: 0x0323, 0xF5: 0x01A1, 0xFD: 0x01B0, 0xFE: 0x20AB,
        ]
        return (0x80...0xFF).map { byte -> String in
            let value = byte < 0xA0 ? low[byte - 0x80] : vietnamese[UInt8(byte)] ?? UInt32(byte)
            return String(Character(Unicode.Scalar(value)!))
        }
    }()

    static let tcvn3: [String] = table([
        (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
        (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
        (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
        (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
        (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
        (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
        (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
        (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
        (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
        (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
        (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
        (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
        (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
        (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
    ])

    /// VNI writes most marks as a byte after the vowel; ơ ư đ and the toned i/ỵ are single bytes.
    static let vni: [String] = {
        let grave = "\u{300}", acute = "\u{301}", hook = "\u{309}", tilde = "\u{303}", dot = "\u{323}"
        let circumflex = "\u{302}", breve = "\u{306}"
        var pairs: [(Int, String)] = [
            (0xF1, "đ"), (0xD1, "Đ"), (0xF4, "ơ"), (0xD4, "Ơ"), (0xF6, "ư"), (0xD6, "Ư"),
            (0xEC, "ì"), (0xED, "í"), (0xE6, "ỉ"), (0xF3, "ĩ"), (0xF2, "ị"), (0xEE, "ỵ"),
            (0xCC, "Ì"), (0xCD, "Í"), (0xC6, "Ỉ"), (0xD3, "Ĩ"), (0xD2, "Ị"), (0xCE, "Ỵ"),
        ]
        // (lowercase byte, uppercase byte, marks)
        let marks: [(Int, Int, String)] = [
            (0xF8, 0xD8, grave), (0xF9, 0xD9, acute), (0xFB, 0xDB, hook), (0xF5, 0xD5, tilde), (0xEF, 0xCF, dot),
            (0xE2, 0xC2, circumflex), (0xE0, 0xC0, circumflex + grave), (0xE1, 0xC1, circumflex + acute),
            (0xE5, 0xC5, circumflex + hook), (0xE3, 0xC3, circumflex + tilde), (0xE4, 0xC4, circumflex + dot),
            (0xEA, 0xCA, breve), (0xE8, 0xC8, breve + grave), (0xE9, 0xC9, breve + acute),
            (0xFA, 0xDA, breve + hook), (0xFC, 0xDC, breve + tilde), (0xEB, 0xCB, breve + dot),
        ]
        for (lower, upper, mark) in marks {
            pairs.append((lower, mark))
            pairs.append((upper, mark))
        }
        return table(pairs)
    }()

    private static func table(_ pairs: [(Int, String)]) -> [String] {
        var result = [String](repeating: "\u{FFFD}", count: 128)
        for (byte, text) in pairs { result[byte - 0x80] = text }
        return result
    }
}

// MARK: - Vietnamese syllables

/// Scores text by how many of its words are well-formed Vietnamese syllables: an initial
/// consonant, a known vowel cluster, a final consonant, at most one tone, marks only where
/// Vietnamese puts them. Text read in the right encoding scores high; in a wrong one, low.
enum VietnameseSyllables {
    private static let initials: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph",
        "q", "r", "s", "t", "th", "tr", "v", "x",
    ]
    private static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    private static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi",
        "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ]
    private static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    private struct Letter {
        var base: Character
        var quality: UInt32 = 0
        var isVowel: Bool { "aeiouy".contains(base) }
        /// The vowel with its quality mark, as written in `nuclei`.
        var vowel: String {
            switch (base, quality) {
            case ("a", 0x306): "ă"
            case ("a", 0x302): "â"
            case ("e", 0x302): "ê"
            case ("o", 0x302): "ô"
            case ("o", 0x31B): "ơ"
            case ("u", 0x31B): "ư"
            default: String(base)
            }
        }
    }

    /// +1 per word with non-ASCII letters that is a well-formed syllable, −1 per other such word.
    static func score(_ text: String) -> Int {
        var score = 0
        var letters: [Letter] = []
        var toneCount = 0
        var touched = false
        var broken = false
        func finishWord() {
            if touched { score += !broken && toneCount <= 1 && isSyllable(letters) ? 1 : -1 }
            letters.removeAll(keepingCapacity: true)
            toneCount = 0
            touched = false
            broken = false
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            if scalar.isASCII && scalar.properties.isAlphabetic {
                letters.append(Letter(base: Character(String(scalar).lowercased())))
            } else if value == 0x110 || value == 0x111 {
                letters.append(Letter(base: "đ"))
                touched = true
            } else if (0x300...0x36F).contains(value) {
                touched = true
                guard let last = letters.last, last.isVowel else {
                    broken = true
                    continue
                }
                if tones.contains(value) {
                    toneCount += 1
                } else if last.quality == 0 && isQualityMark(value, on: last.base) {
                    letters[letters.count - 1].quality = value
                } else {
                    broken = true
                }
            } else if value == 0xFFFD || scalar.properties.isAlphabetic {
                touched = true
                broken = true
            } else {
                finishWord()
            }
        }
        finishWord()
        return score
    }

    private static func isQualityMark(_ mark: UInt32, on base: Character) -> Bool {
        switch mark {
        case 0x302: "aeo".contains(base)
        case 0x306: base == "a"
        case 0x31B: "ou".contains(base)
        default: false
        }
    }

    private static func isSyllable(_ letters: [Letter]) -> Bool {
        var index = 0
        var initial = ""
        while index < letters.count, !letters[index].isVowel {
            initial.append(letters[index].base)
            index += 1
        }
        var nucleus = ""
        while index < letters.count, letters[index].isVowel {
            nucleus += letters[index].vowel
            index += 1
        }
        let final = String(letters[index...].map(\.base))
        guard !nucleus.isEmpty, initials.contains(initial), finals.contains(final),
            letters[index...].allSatisfy({ !$0.isVowel })
        else { return false }
        // "qu" and "gi" are initials written with a vowel letter: quyết = qu + yê + t, giữ = gi + ư.
        if initial == "q" {
            guard nucleus.first == "u" else { return false }
            return nucleus.count == 1 || nuclei.contains(String(nucleus.dropFirst()))
        }
        if nuclei.contains(nucleus) { return true }
        return initial == "g" && nucleus.first == "i" && nuclei.contains(String(nucleus.dropFirst()))
    }
}

// MARK: - Positions in text

/// Line and column arithmetic shared by the parsers, used only when a message needs a position.
enum TextPosition {
    /// The line (1-based, counting LF, CRLF and a lone CR as one line end each) of `offset`, and the
    /// offset where that line starts, scanning from `start`, which is at the start of `startingLine`.
    static func line(
        of offset: Int, in text: Span<UInt8>, from start: Int, startingLine: Int
    ) -> (line: Int, lineStart: Int) {
        var line = startingLine
        var lineStart = start
        var i = start
        while i < offset {
            let byte = text[i]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && i + 1 < text.count && text[i + 1] == 0x0A { i += 1 }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, min(lineStart, offset))
    }

    /// The offset of the first CR or LF at or after `offset`, or the end of `text`.
    static func lineEnd(in text: Span<UInt8>, from offset: Int) -> Int {
        var end = offset
        while end < text.count && text[end] != 0x0A && text[end] != 0x0D { end += 1 }
        return end
    }

    /// The 1-based column, in characters (what a reader counts, so NFD "ệ" is one), of the byte at
    /// `offset` within `line`. Invalid UTF-8 counts as one character per replaced sequence.
    static func column(of offset: Int, inLine line: Span<UInt8>) -> Int {
        string(of: line, in: 0..<min(offset, line.count)).count + 1
    }

    /// A copy of `text[range]`, for a message.
    static func bytes(of text: Span<UInt8>, in range: Range<Int>) -> [UInt8] {
        var copy: [UInt8] = []
        copy.reserveCapacity(range.count)
        for index in range { copy.append(text[index]) }
        return copy
    }

    /// `text[range]` as text (invalid UTF-8 becomes U+FFFD), for a message.
    static func string(of text: Span<UInt8>, in range: Range<Int>) -> String {
        String(decoding: bytes(of: text, in: range), as: UTF8.self)
    }
}
