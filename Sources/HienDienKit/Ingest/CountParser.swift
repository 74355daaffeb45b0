/// Reads a reported value: a whole, non-negative count, as analysts and Excel write it.
///
/// `1250`, `1.250`, `1,250` and `1 250` (also with a no-break space U+00A0, a narrow no-break
/// space U+202F or a thin space U+2009) all mean 1250: `.`, `,` and spaces only ever group
/// thousands. Grouping must be well formed — a first group of 1 to 3 digits, then groups of
/// exactly 3, one kind of separator throughout (`1.250.000`). An empty or blank cell is
/// "not reported" (`.empty`), never 0. Everything else is refused with the rule it broke:
/// `12,5` and `1.25` (decimals), `-3`, `+5`, `1e3`, `12%`, `1,2,3`, `abc`, and anything
/// above `maximum`.
public enum CountParser {
    /// The largest count accepted: 10^12. Anything larger is taken for a typing mistake.
    public static let maximum: Int64 = 1_000_000_000_000

    /// What a cell holds.
    public enum Result: Hashable, Sendable {
        /// Nothing, or only spaces: the unit did not report this value.
        case empty
        /// A count, 0 through `CountParser.maximum`.
        case value(Int64)
        /// Not a count, and why.
        case invalid(Reason)

        /// The count, if the cell holds one.
        public var value: Int64? {
            if case .value(let value) = self { return value }
            return nil
        }
    }

    /// The rule a refused value broke.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// `12,5`, `1.25`, `12.50`, `1.250,5`: a fractional part.
        case decimal
        /// `-3`.
        case negative
        /// `+5`.
        case plusSign
        /// `1e3`, `1,25E+06`: how Excel shows long numbers in a narrow General column.
        case scientific
        /// `12%`.
        case percentage
        /// `1,2,3`, `1.2500.000`, `12 5`, `1..250`: separators not grouping digits in threes.
        case badGrouping
        /// More than `CountParser.maximum`.
        case tooLarge
        /// `abc`, `12 người`, `-`: not digits at all.
        case notANumber

        /// A stable machine name for diagnostics: `value.decimal`, `value.negative`, …
        public var code: String { "value.\(rawValue)" }

        /// What is wrong, in one sentence that reads well before the offending text.
        public var summary: String {
            switch self {
            case .decimal: "counts must be whole numbers; this looks like a decimal"
            case .negative: "counts cannot be negative"
            case .plusSign: "a count takes no sign"
            case .scientific: "this is a number in scientific notation, not an exact count"
            case .percentage: "a count cannot be a percentage"
            case .badGrouping: "the thousands separators do not group the digits in threes"
            case .tooLarge: "this number is too large to be a count (the limit is 1.000.000.000.000)"
            case .notANumber: "this is not a number"
            }
        }

        /// The same in a sentence that quotes the value: "counts must be whole numbers: '12,5'
        /// looks like a decimal".
        public func message(for text: String) -> String {
            switch self {
            case .decimal: "counts must be whole numbers: '\(text)' looks like a decimal"
            case .negative: "counts cannot be negative: '\(text)'"
            case .plusSign: "a count takes no sign: '\(text)'"
            case .scientific: "'\(text)' is in scientific notation, not an exact count"
            case .percentage: "a count cannot be a percentage: '\(text)'"
            case .badGrouping: "'\(text)' does not group its digits in threes"
            case .tooLarge: "'\(text)' is too large to be a count (the limit is 1.000.000.000.000)"
            case .notANumber: "'\(text)' is not a number"
            }
        }

        /// What to do about it.
        public var hint: String {
            switch self {
            case .decimal:
                "give the whole count; '.', ',' and spaces may only group thousands (1.250 = 1250)"
            case .negative:
                "a count is 0 or more; to correct an earlier figure, send the right one again for the same unit and period"
            case .plusSign:
                "write the number without '+'"
            case .scientific:
                "format the column in Excel as Number with 0 decimals, save again, and check the figure"
            case .percentage:
                "give the number itself (how many), not a share; the shares are computed from counts"
            case .badGrouping:
                "group digits in threes with one kind of separator (1.250.000, 1,250,000 or 1 250 000), or use none (1250000)"
            case .tooLarge:
                "check the figure; counts above a million million are taken for typing mistakes"
            case .notANumber:
                "write the count in digits (1250 or 1.250); leave the cell empty if nothing was reported"
            }
        }

        /// The input error for a value refused for this reason.
        public func diagnostic(at location: SourceLocation, offending text: String, lineText: String? = nil) -> Diagnostic {
            Diagnostic(at: location, code: code, message: summary, offending: text, hint: hint, lineText: lineText)
        }
    }

    // MARK: - Parsing

    /// Parses a cell's text.
    public static func parse(_ text: String) -> Result {
        parse(text.utf8.span)
    }

    /// Parses a cell's text.
    public static func parse(_ text: Substring) -> Result {
        parse(text.utf8.span)
    }

    /// Parses a cell's UTF-8 bytes, without making a `String` — the path for bulk ingest.
    public static func parse(_ bytes: Span<UInt8>) -> Result {
        var start = 0
        var end = bytes.count
        while start < end, let width = spaceWidth(bytes, at: start) { start += width }
        while start < end, let width = spaceWidthBefore(bytes, end: end, start: start) { end -= width }
        if start == end { return .empty }

        // A sign, with or without a space after it.
        var sign: Reason?
        if bytes[start] == UInt8(ascii: "-") {
            sign = .negative
            start += 1
        } else if bytes[start] == UInt8(ascii: "+") {
            sign = .plusSign
            start += 1
        } else if let width = minusWidth(bytes, at: start) {
            sign = .negative
            start += width
        }
        if let sign {
            while start < end, let width = spaceWidth(bytes, at: start) { start += width }
            return startsLikeANumber(bytes, start, end) ? .invalid(sign) : .invalid(.notANumber)
        }

        // A percent sign at the end.
        if bytes[end - 1] == UInt8(ascii: "%") {
            var body = end - 1
            while body > start, let width = spaceWidthBefore(bytes, end: body, start: start) { body -= width }
            return startsLikeANumber(bytes, start, body) ? .invalid(.percentage) : .invalid(.notANumber)
        }

        return scanDigits(bytes, start, end)
    }

    /// Separators the scanner tells apart: one kind per number.
    private enum Separator: Equatable {
        case dot, comma, space
    }

    /// Digits and separators, checked for grouping as they go by.
    private static func scanDigits(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Result {
        var value: Int64 = 0
        var tooLarge = false
        var sawDigit = false
        var digitsInGroup = 0
        var firstGroup = 0
        var separators = 0
        var firstKind: Separator?
        var lastKind: Separator?
        var sameKindBeforeLast = true  // every separator but the last is of the first kind
        var innerGroupsOfThree = true  // every group between two separators has 3 digits
        var emptyGroup = false         // a separator at the start, or two in a row

        var index = start
        while index < end {
            let byte = bytes[index]
            var kind: Separator?
            var width = 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                digitsInGroup += 1
                if !tooLarge {
                    value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                    tooLarge = value > maximum
                }
                index += 1
                continue
            case UInt8(ascii: "."): kind = .dot
            case UInt8(ascii: ","): kind = .comma
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                return .invalid(isExponent(bytes, after: index, end: end) && sawDigit ? .scientific : .notANumber)
            default:
                // Inside a number only a space groups digits, never a tab or a line break.
                guard byte != 0x09, byte != 0x0A, byte != 0x0D, let spaceWidth = spaceWidth(bytes, at: index) else {
                    return .invalid(.notANumber)
                }
                kind = .space
                width = spaceWidth
            }
            guard let kind else { return .invalid(.notANumber) }
            if digitsInGroup == 0 { emptyGroup = true }
            if separators == 0 {
                firstGroup = digitsInGroup
                firstKind = kind
            } else {
                if digitsInGroup != 3 { innerGroupsOfThree = false }
                if lastKind != firstKind { sameKindBeforeLast = false }
            }
            lastKind = kind
            separators += 1
            digitsInGroup = 0
            index += width
        }

        guard sawDigit else { return .invalid(.notANumber) }
        let count: Result = tooLarge ? .invalid(.tooLarge) : .value(value)
        guard separators > 0 else { return count }

        let lastGroup = digitsInGroup
        let lastIsDecimalMark = lastKind == .dot || lastKind == .comma
        if emptyGroup {
            // ".5" or ",25": a decimal with its zero left out; anything else is a stray separator.
            let bareFraction = separators == 1 && firstGroup == 0 && lastGroup > 0 && lastIsDecimalMark
            return .invalid(bareFraction ? .decimal : .badGrouping)
        }
        if lastGroup == 0 { return .invalid(.badGrouping) }

        let wellGroupedPrefix = sameKindBeforeLast && (1...3).contains(firstGroup) && innerGroupsOfThree
        if wellGroupedPrefix, lastKind == firstKind, lastGroup == 3 { return count }
        // One mark, or a well-grouped number then a different mark: the last part is a fraction.
        if lastIsDecimalMark, separators == 1 || (wellGroupedPrefix && lastKind != firstKind) {
            return .invalid(.decimal)
        }
        return .invalid(.badGrouping)
    }

    // MARK: - Bytes

    /// The width of a space at `index`: ASCII space, tab, CR, LF, U+00A0, U+2009 or U+202F.
    private static func spaceWidth(_ bytes: Span<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D:
            return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
            return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89):
            return 3
        default:
            return nil
        }
    }

    /// The width of a space that ends right before `end`, not reaching before `start`.
    private static func spaceWidthBefore(_ bytes: Span<UInt8>, end: Int, start: Int) -> Int? {
        for width in 1...3 where end - width >= start {
            if spaceWidth(bytes, at: end - width) == width { return width }
        }
        return nil
    }

    /// U+2212 MINUS SIGN or U+2013 EN DASH (what Word makes of a hyphen) before a digit.
    private static func minusWidth(_ bytes: Span<UInt8>, at index: Int) -> Int? {
        guard index + 2 < bytes.count, bytes[index] == 0xE2 else { return nil }
        let isMinus = bytes[index + 1] == 0x88 && bytes[index + 2] == 0x92
        let isEnDash = bytes[index + 1] == 0x80 && bytes[index + 2] == 0x93
        return isMinus || isEnDash ? 3 : nil
    }

    /// Whether `start..<end` begins with a digit, or a `.`/`,` then a digit.
    private static func startsLikeANumber(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func isDigit(_ index: Int) -> Bool {
            index < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
        if isDigit(start) { return true }
        guard start < end, bytes[start] == UInt8(ascii: ".") || bytes[start] == UInt8(ascii: ",") else { return false }
        return isDigit(start + 1)
    }

    /// Whether the bytes after an `e` at `index` are an exponent: an optional sign, then digits to the end.
    private static func isExponent(_ bytes: Span<UInt8>, after index: Int, end: Int) -> Bool {
        var position = index + 1
        if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        guard position < end else { return false }
        while position < end {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) else { return false }
            position += 1
        }
        return true
    }
}
