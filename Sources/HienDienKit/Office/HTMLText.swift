/// The text of the report's HTML as UTF-8 bytes: character references replaced, white space
/// found and collapsed, characters counted — each giving the bytes the same work on a String
/// gives, without decoding every scalar or growing Strings.
enum HTMLText {
    /// Whether `range` of `bytes` holds a character reference to replace (an `&`).
    static func hasReference(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let span = bytes.span
        for position in range where span[position] == UInt8(ascii: "&") { return true }
        return false
    }

    /// Appends the text in `range` of `bytes` with its character references replaced, as
    /// `HTMLNode.decode(_:)` replaces them.
    static func appendDecoded(_ bytes: [UInt8], _ range: Range<Int>, to output: inout [UInt8]) {
        let span = bytes.span
        let ampersand = UInt8(ascii: "&")
        var hasAmpersand = false, isASCII = true
        for position in range {
            let byte = span[position]
            if byte == ampersand { hasAmpersand = true }
            if byte >= 0x80 { isASCII = false }
        }
        guard hasAmpersand else {
            output.append(contentsOf: bytes[range])
            return
        }
        guard isASCII else {
            // Characters, not bytes, bound a reference's length there (a mark may join its ';').
            let text = String(decoding: bytes[range], as: UTF8.self)
            output.append(contentsOf: HTMLNode.decode(text).utf8)
            return
        }
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = span[position]
            guard byte == ampersand else {
                output.append(byte)
                position += 1
                continue
            }
            let nameStart = position + 1
            var semicolon: Int?
            var probe = nameStart
            while probe < min(nameStart + 12, range.upperBound) {
                if span[probe] == UInt8(ascii: ";") { semicolon = probe; break }
                probe += 1
            }
            if let semicolon {
                let name = String(decoding: bytes[nameStart..<semicolon], as: UTF8.self)
                if let scalar = name == "nbsp" ? "\u{A0}" : XMLReader.referencedScalar(name) {
                    appendUTF8(scalar.value, to: &output)
                    position = semicolon + 1
                    continue
                }
            }
            output.append(ampersand)
            position = nameStart
        }
    }

    static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80: output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// The scalar starting at `position` of valid UTF-8 `bytes`, and the position after it.
    @inline(__always)
    static func scalar(in bytes: borrowing Span<UInt8>, at position: Int) -> (value: UInt32, next: Int) {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return (lead, position + 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F), position + 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F), position + 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12 | UInt32(bytes[position + 2] & 0x3F) << 6
            | UInt32(bytes[position + 3] & 0x3F), position + 4)
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), by value.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value == 0x85 || value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200A)
            || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000
    }

    /// Appends `range` of `bytes` with each run of white space (but the no-break space) made one
    /// space, and none at a line's start — by scalars, so a combining mark after a space is kept.
    /// The text between spaces is copied a run at a time.
    static func appendCollapsingWhitespace(_ bytes: [UInt8], _ range: Range<Int>, atLineStart: inout Bool, to output: inout [UInt8]) {
        let text = bytes.span
        var lastWasSpace = false
        var position = range.lowerBound
        var wordStart = position
        while position < range.upperBound {
            let byte = text[position]
            let isSpace: Bool
            let next: Int
            if byte < 0x80 {
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                next = position + 1
            } else {
                let (value, after) = scalar(in: text, at: position)
                isSpace = value != 0xA0 && isWhitespace(value)
                next = after
            }
            if isSpace {
                if wordStart < position { output.append(contentsOf: bytes[wordStart..<position]) }
                wordStart = next
                if !atLineStart && !lastWasSpace { output.append(0x20) }
                lastWasSpace = !atLineStart || lastWasSpace
            } else {
                atLineStart = false
                lastWasSpace = false
            }
            position = next
        }
        if wordStart < position { output.append(contentsOf: bytes[wordStart..<min(position, range.upperBound)]) }
    }

    /// The longest word and the whole length of a text given piece by piece, in characters as
    /// a reader counts them: by scalars, a combining mark (U+0300–U+036F, U+1DC0–U+1DFF,
    /// U+20D0–U+20FF, U+FE20–U+FE2F) adding nothing to its letter, "\r\n" one character.
    struct Lengths {
        private(set) var length = 0
        private var longest = 0, word = 0, lastWasCR = false

        var longestWord: Int { max(longest, word) }

        mutating func add(_ text: borrowing Span<UInt8>) {
            var position = 0
            while position < text.count {
                let (value, next) = HTMLText.scalar(in: text, at: position)
                position = next
                if value >= 0x300 && ((0x300...0x36F).contains(value) || (0x1DC0...0x1DFF).contains(value)
                    || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value)) {
                    lastWasCR = false
                    continue
                }
                if value == 0x0A && lastWasCR { lastWasCR = false; continue }
                lastWasCR = value == 0x0D
                length += 1
                if HTMLText.isWhitespace(value) {
                    longest = max(longest, word)
                    word = 0
                } else {
                    word += 1
                }
            }
        }
    }
}

extension [UInt8] {
    /// Appends `value` in decimal, as `"\(value)"` writes it.
    mutating func appendDecimal(_ value: Int) {
        guard value != 0 else { return append(0x30) }
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude, divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        while divisor > 0 {
            append(0x30 + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}
