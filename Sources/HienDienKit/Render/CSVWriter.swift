/// Writes CSV for machines and spreadsheets: UTF-8 with a byte-order mark (so Excel shows
/// Vietnamese), `,` separators, CRLF line ends (RFC 4180), quoting where needed, and any cell
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
/// prefixed with `'`.
///
/// The one writer of every CSV hiendien writes: the report tables and the blank form (which
/// uses `;`, as Excel with Vietnamese settings expects).
public struct CSVWriter: Sendable {
    public private(set) var text: String
    public let delimiter: Unicode.Scalar

    public init(header: [String], byteOrderMark: Bool = true, delimiter: Unicode.Scalar = ",") {
        text = byteOrderMark ? "\u{FEFF}" : ""
        self.delimiter = delimiter
        append(header)
    }

    public mutating func append(_ row: [String]) {
        text += row.map { CSVWriter.escape($0, delimiter: delimiter) }.joined(separator: String(delimiter))
        text += "\r\n"
    }

    /// The text written since the last call, handed over and forgotten, so a long table goes
    /// to its file a piece at a time instead of being held whole.
    public mutating func takeText() -> String {
        defer { text = "" }
        return text
    }

    /// Neutralises formulas, then quotes when the cell holds the delimiter, `"`, CR or LF.
    public static func escape(_ cell: String, delimiter: Unicode.Scalar = ",") -> String {
        quoted(neutralised(cell), delimiter: delimiter)
    }

    /// `cell` in quotes, its quotes doubled, when it holds `delimiter`, a quote, CR or LF.
    ///
    /// Looked for scalar by scalar: a quote followed by a combining mark is one `Character`,
    /// which a search by characters misses — and a quote left single ends the cell early.
    static func quoted(_ cell: String, delimiter: Unicode.Scalar) -> String {
        guard cell.unicodeScalars.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return cell
        }
        var result = "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { result += "\"\"" } else { result.unicodeScalars.append(scalar) }
        }
        return result + "\""
    }

    /// `cell` with a `'` before it when a spreadsheet would run it as a formula: when it
    /// begins with `=`, `+`, `-`, `@`, tab or carriage return.
    public static func neutralised(_ cell: String) -> String {
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            return "'" + cell
        }
        return cell
    }

    /// A ratio as a decimal with 4 places and `.` as the mark: 0.4321, 0.5000.
    public static func ratio(_ value: Double) -> String {
        let scaled = Int64((value * 10_000).rounded(.toNearestOrAwayFromZero))
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % 10_000)
        return "\(sign)\(magnitude / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// A count with no separators; a non-whole number with up to one decimal place.
    public static func count(_ value: Double) -> String {
        if value == value.rounded() { return String(Int64(value)) }
        return String((value * 10).rounded() / 10)
    }
}

import Foundation
