/// How a CSV file is written: its delimiter and the marks Excel leaves at its start.
public struct CSVDialect: Hashable, Sendable {
    /// The field delimiter: `,`, `;` (Excel with Vietnamese regional settings) or tab.
    public var delimiter: UInt8
    /// Whether the file began with a UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one).
    public var hasByteOrderMark: Bool
    /// Whether the file began with Excel's `sep=;` line, which names the delimiter.
    public var hasSeparatorLine: Bool

    /// A dialect as given; readers detect theirs with `CSVReader`'s initialisers.
    public init(delimiter: UInt8 = UInt8(ascii: ","), hasByteOrderMark: Bool = false, hasSeparatorLine: Bool = false) {
        self.delimiter = delimiter
        self.hasByteOrderMark = hasByteOrderMark
        self.hasSeparatorLine = hasSeparatorLine
    }

    /// The delimiters a file may use, in the order preferred when the header has as many of each.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// Reads the dialect from the start of a file: skips a BOM, honours a `sep=X` line, otherwise
    /// picks the candidate delimiter that occurs most often outside quotes in the first record.
    ///
    /// - Parameters:
    ///   - start: the first bytes of the file (the first buffer); a header longer than that is
    ///     judged on what is there.
    ///   - delimiter: a delimiter fixed by the caller, which skips the detection.
    /// - Returns: the dialect, the offset where the first record begins, and how many lines the
    ///   `sep=` line used (0 or 1).
    static func detect(
        in start: Span<UInt8>, delimiter: UInt8?
    ) -> (dialect: CSVDialect, bodyOffset: Int, linesSkipped: Int) {
        var dialect = CSVDialect()
        var offset = 0
        if start.count >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF {
            dialect.hasByteOrderMark = true
            offset = 3
        }
        let body = start.extracting(offset...)
        if let (separator, length) = separatorLine(body) {
            dialect.delimiter = delimiter ?? separator
            dialect.hasSeparatorLine = true
            return (dialect, offset + length, 1)
        }
        dialect.delimiter = delimiter ?? mostFrequentDelimiter(inFirstRecordOf: body)
        return (dialect, offset, 0)
    }

    /// `sep=;` followed by a line end: Excel's way of naming the delimiter on the first line.
    private static func separatorLine(_ body: Span<UInt8>) -> (UInt8, Int)? {
        guard body.count >= 5 else { return nil }
        for (index, letter) in "sep=".utf8.enumerated() where body[index] | 0x20 != letter { return nil }
        let separator = body[4]
        guard separator != 0x0A && separator != 0x0D && separator != UInt8(ascii: "\"") else { return nil }
        var length = 5
        if length < body.count {
            switch body[length] {
            case 0x0D: length += length + 1 < body.count && body[length + 1] == 0x0A ? 2 : 1
            case 0x0A: length += 1
            default: return nil
            }
        }
        return (separator, length)
    }

    private static func mostFrequentDelimiter(inFirstRecordOf body: Span<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidateDelimiters.count)
        var inQuotes = false
        for offset in 0..<body.count {
            let byte = body[offset]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 0x0A || byte == 0x0D { break }
                if let index = candidateDelimiters.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidateDelimiters[best]
    }
}
