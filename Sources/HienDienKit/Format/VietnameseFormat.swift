/// Vietnamese formatting for human output (Markdown, HTML): `4.026`, `43,21 %`,
/// `Quý II năm 2026`, `ngày 18 tháng 6 năm 2026`. CSV output never uses it.
public enum VietnameseFormat {
    /// A whole number with `.` grouping thousands: 4026 → "4.026", -1250 → "-1.250".
    public static func number(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        grouped.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    public static func number(_ value: Int) -> String { number(Int64(value)) }

    /// A decimal with `,` as the decimal mark and `.` grouping: 1234.5 (1 place) → "1.234,5".
    /// Rounds half away from zero.
    public static func decimal(_ value: Double, places: Int) -> String {
        let scale = pow10(places)
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled) / scale
        let fraction = Int64(scaled) % scale
        var text = number(whole)
        if places > 0 {
            let f = String(fraction)
            text += "," + String(repeating: "0", count: places - f.count) + f
        }
        return value < 0 && scaled != 0 ? "-" + text : text
    }

    /// A ratio as a percentage with two decimals: 0.4321 → "43,21 %"; 0.5 → "50,00 %".
    public static func percent(_ ratio: Double, places: Int = 2) -> String {
        decimal(ratio * 100, places: places) + " %"
    }

    /// "Quý II năm 2026" for a quarter, "năm 2026" for a year.
    public static func period(_ period: Period) -> String {
        guard let quarter = period.quarter else { return "năm \(period.year)" }
        return "Quý \(roman(quarter)) năm \(period.year)"
    }

    /// "Quý II/2026" or "Năm 2026": the short form for table headers.
    public static func shortPeriod(_ period: Period) -> String {
        guard let quarter = period.quarter else { return "Năm \(period.year)" }
        return "Quý \(roman(quarter))/\(period.year)"
    }

    /// Decree 30's date line: "ngày 18 tháng 6 năm 2026", "ngày 05 tháng 02 năm 2027"
    /// (a leading zero for days below 10 and for months 1 and 2).
    public static func longDate(_ day: Day) -> String {
        let d = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        let m = day.month <= 2 ? "0\(day.month)" : "\(day.month)"
        return "ngày \(d) tháng \(m) năm \(day.year)"
    }

    /// "18/06/2026": the short date used in tables.
    public static func shortDate(_ day: Day) -> String {
        let d = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        let m = day.month < 10 ? "0\(day.month)" : "\(day.month)"
        return "\(d)/\(m)/\(day.year)"
    }

    /// Roman numerals for quarters (Quý I … IV).
    public static func roman(_ quarter: Int) -> String {
        ["I", "II", "III", "IV"][max(0, min(3, quarter - 1))]
    }

    private static func pow10(_ n: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}
