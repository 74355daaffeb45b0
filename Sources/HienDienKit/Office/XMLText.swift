/// Text made safe for an XML part: markup characters escaped, and the control characters XML 1.0
/// cannot carry (all below U+0020 but tab, line feed and carriage return, and the noncharacters
/// U+FFFE and U+FFFF) left out.
enum XMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8), quotation = Array("&quot;".utf8)

    /// Appends `text` (valid UTF-8) to `output`, escaped as `escaped(_:)` escapes a String: the
    /// same bytes, without decoding scalars or growing a String. Runs of bytes that need nothing
    /// are copied whole.
    static func appendEscaped<Text: Collection<UInt8>>(_ text: Text, to output: inout [UInt8]) {
        var plainStart = text.startIndex
        var index = text.startIndex
        func skip(_ replacement: [UInt8]?, next: Text.Index, output: inout [UInt8]) {
            output.append(contentsOf: text[plainStart..<index])
            if let replacement { output.append(contentsOf: replacement) }
            plainStart = next
        }
        while index != text.endIndex {
            let byte = text[index]
            let next = text.index(after: index)
            switch byte {
            case UInt8(ascii: "&"): skip(Self.ampersand, next: next, output: &output)
            case UInt8(ascii: "<"): skip(Self.lessThan, next: next, output: &output)
            case UInt8(ascii: ">"): skip(Self.greaterThan, next: next, output: &output)
            case UInt8(ascii: "\""): skip(Self.quotation, next: next, output: &output)
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20: skip(nil, next: next, output: &output)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                let second = next == text.endIndex ? nil : text.index(after: next)
                if let second, second != text.endIndex, text[next] == 0xBF {
                    let third = text[second]
                    if third == 0xBE || third == 0xBF {
                        let after = text.index(after: second)
                        skip(nil, next: after, output: &output)
                        index = after
                        continue
                    }
                }
            default: break
            }
            index = next
        }
        output.append(contentsOf: text[plainStart..<index])
    }

    /// `text` escaped, as UTF-8 bytes.
    static func escapedBytes(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        appendEscaped(text.utf8, to: &output)
        return output
    }
}
