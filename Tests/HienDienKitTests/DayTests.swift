import Testing
@testable import HienDienKit

struct DayTests {
    @Test func ordinalRoundTrips() {
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2026, month: 6, day: 18)!.ordinal == 20622)
    }

    @Test(arguments: [
        ("2026-06-18", "2026-06-18"), ("18/06/2026", "2026-06-18"), ("5/2/2027", "2027-02-05"),
        (" 2024-02-29 ", "2024-02-29"),
    ])
    func parsesBothSpellings(text: String, iso: String) throws {
        #expect(try #require(Day(parsing: text)).description == iso)
    }

    @Test(arguments: ["2025-02-29", "31/04/2026", "2026-13-01", "2026/06/18", "18-06-2026", "", "abc", "1/1/26"])
    func refusesImpossibleDates(text: String) {
        #expect(Day(parsing: text) == nil)
    }
}
