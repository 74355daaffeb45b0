import Testing
@testable import HienDienKit

struct VietnameseFormatTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (4026, "4.026"), (3609, "3.609"),
                      (1_250_000, "1.250.000"), (-1250, "-1.250")])
    func groupsThousandsWithDots(value: Int, text: String) {
        #expect(VietnameseFormat.number(value) == text)
    }

    @Test(arguments: [(0.4321, "43,21 %"), (0.5, "50,00 %"), (1.0, "100,00 %"), (0.0, "0,00 %"),
                      (0.43215, "43,22 %"), (12.345, "1.234,50 %")])
    func percentUsesCommaDecimals(ratio: Double, text: String) {
        #expect(VietnameseFormat.percent(ratio) == text)
    }

    @Test func periodsInWords() {
        #expect(VietnameseFormat.period(.quarter(2, of: 2026)) == "Quý II năm 2026")
        #expect(VietnameseFormat.period(.quarter(4, of: 2025)) == "Quý IV năm 2025")
        #expect(VietnameseFormat.period(.year(2026)) == "năm 2026")
        #expect(VietnameseFormat.shortPeriod(.quarter(3, of: 2026)) == "Quý III/2026")
    }

    /// Decree 30: leading zero for days below 10 and for months 1 and 2.
    @Test(arguments: [("2026-06-18", "ngày 18 tháng 6 năm 2026"), ("2027-02-05", "ngày 05 tháng 02 năm 2027"),
                      ("2023-02-01", "ngày 01 tháng 02 năm 2023"), ("2026-01-10", "ngày 10 tháng 01 năm 2026"),
                      ("2026-12-09", "ngày 09 tháng 12 năm 2026"), ("2026-03-31", "ngày 31 tháng 3 năm 2026")])
    func decree30DateLine(iso: String, text: String) {
        #expect(VietnameseFormat.longDate(Day(parsing: iso)!) == text)
    }
}
