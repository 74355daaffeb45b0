/// Kỳ báo cáo: a reporting period, a quarter (`2026-Q2`) or a year (`2026`).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1…4 for a quarter, nil for a whole year.
    public let quarter: Int?

    public static func quarter(_ quarter: Int, of year: Int) -> Period {
        precondition((1...4).contains(quarter), "quarter must be 1…4")
        return Period(year: year, quarter: quarter)
    }

    public static func year(_ year: Int) -> Period { Period(year: year, quarter: nil) }

    private init(year: Int, quarter: Int?) {
        self.year = year
        self.quarter = quarter
    }

    public var isYear: Bool { quarter == nil }

    /// The quarters a period is made of: itself for a quarter, four for a year.
    public var quarters: [Period] {
        if quarter != nil { return [self] }
        return (1...4).map { Period.quarter($0, of: year) }
    }

    /// The year this period belongs to.
    public var yearPeriod: Period { .year(year) }

    /// The quarter before this one (for a year, the year before).
    public var previous: Period {
        guard let quarter else { return .year(year - 1) }
        return quarter == 1 ? .quarter(4, of: year - 1) : .quarter(quarter - 1, of: year)
    }

    public var next: Period {
        guard let quarter else { return .year(year + 1) }
        return quarter == 4 ? .quarter(1, of: year + 1) : .quarter(quarter + 1, of: year)
    }

    /// Quarters sort by time; a year sorts after its own fourth quarter.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        return (lhs.quarter ?? 5) < (rhs.quarter ?? 5)
    }

    /// The canonical spelling: `2026-Q2` or `2026`. Used in files, the store and the CLI.
    public var description: String {
        if let quarter { return "\(year)-Q\(quarter)" }
        return String(year)
    }

    /// Parses every spelling the contract accepts: `2026-Q2`, `2026`, `Q2/2026`,
    /// `Quý II/2026`, `Quý II năm 2026` (also `Quý 2/2026`, `Năm 2026`, any case).
    /// Returns nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let folded = String(text).trimmingWhitespace().precomposedStringWithCanonicalMapping.lowercased()
        guard !folded.isEmpty else { return nil }
        let tokens = folded
            .replacingOccurrences(of: "/", with: " ")
            .replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
            .map(String.init)
        var year: Int?
        var quarter: Int?
        var index = 0
        var sawQuarterWord = false
        while index < tokens.count {
            let token = tokens[index]
            if token == "quý" || token == "quy" {
                sawQuarterWord = true
            } else if token == "năm" || token == "nam" {
                // a connecting word: "Quý II năm 2026", "Năm 2026"
            } else if token.count == 4, let y = Int(token), token.allSatisfy(\.isASCIIDigit) {
                guard year == nil else { return nil }
                year = y
            } else if token.hasPrefix("q"), token.count == 2, let q = Int(token.dropFirst()) {
                guard quarter == nil else { return nil }
                quarter = q
            } else if sawQuarterWord, quarter == nil, let q = Period.quarterNumber(token) {
                quarter = q
            } else {
                return nil
            }
            index += 1
        }
        guard let year, (1900...9999).contains(year) else { return nil }
        if sawQuarterWord && quarter == nil { return nil }
        if let quarter {
            guard (1...4).contains(quarter) else { return nil }
            self.init(year: year, quarter: quarter)
        } else {
            self.init(year: year, quarter: nil)
        }
    }

    private static func quarterNumber(_ token: String) -> Int? {
        switch token {
        case "i", "1": 1
        case "ii", "2": 2
        case "iii", "3": 3
        case "iv", "4": 4
        default: nil
        }
    }
}

import Foundation
