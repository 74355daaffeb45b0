import Testing
@testable import HienDienKit

struct ReportingRuleTests {
    let decree = ReportingRule()
    let calendar = ReportingRule(window: .calendar)

    private func day(_ text: String) -> Day { Day(parsing: text)! }

    /// Decree 09 Art. 12: Q1 = 15/12 of the previous year – 14/03, Q2 = 15/03 – 14/06, …
    @Test(arguments: [
        ("2026-Q1", "2025-12-15", "2026-03-14", "2026-03-19"),
        ("2026-Q2", "2026-03-15", "2026-06-14", "2026-06-19"),
        ("2026-Q3", "2026-06-15", "2026-09-14", "2026-09-19"),
        ("2026-Q4", "2026-09-15", "2026-12-14", "2026-12-19"),
        ("2025-Q1", "2024-12-15", "2025-03-14", "2025-03-19"),
        ("2025-Q2", "2025-03-15", "2025-06-14", "2025-06-19"),
        ("2025-Q3", "2025-06-15", "2025-09-14", "2025-09-19"),
        ("2025-Q4", "2025-09-15", "2025-12-14", "2025-12-19"),
        ("2024-Q1", "2023-12-15", "2024-03-14", "2024-03-19"),
    ])
    func decree09QuarterWindows(period: String, start: String, end: String, due: String) throws {
        let p = try #require(Period(parsing: period))
        #expect(decree.window(for: p) == day(start)...day(end))
        #expect(decree.lastAllowedDay(for: p) == day(due))
    }

    @Test func decree09YearIsItsFourQuarters() {
        for year in [2024, 2025, 2026] {
            let window = decree.window(for: .year(year))
            #expect(window.lowerBound == decree.window(for: .quarter(1, of: year)).lowerBound)
            #expect(window.upperBound == decree.window(for: .quarter(4, of: year)).upperBound)
            #expect(window == day("\(year - 1)-12-15")...day("\(year)-12-14"))
            // "before 15/12" → 14/12 is the last day allowed
            #expect(decree.lastAllowedDay(for: .year(year)) == day("\(year)-12-14"))
        }
    }

    @Test func consecutiveQuartersTileTheTimeline() {
        for rule in [decree, calendar] {
            var period = Period.quarter(1, of: 2024)
            while period < .quarter(4, of: 2027) {
                #expect(rule.window(for: period).upperBound.adding(days: 1) == rule.window(for: period.next).lowerBound)
                period = period.next
            }
        }
    }

    @Test(arguments: [
        ("2024-Q1", "2024-01-01", "2024-03-31"), ("2024-Q2", "2024-04-01", "2024-06-30"),
        ("2024-Q3", "2024-07-01", "2024-09-30"), ("2024-Q4", "2024-10-01", "2024-12-31"),
        ("2026-Q1", "2026-01-01", "2026-03-31"), ("2026-Q4", "2026-10-01", "2026-12-31"),
        ("2026", "2026-01-01", "2026-12-31"),
    ])
    func calendarWindows(period: String, start: String, end: String) throws {
        #expect(calendar.window(for: try #require(Period(parsing: period))) == day(start)...day(end))
    }

    @Test func latestClosedQuarter() {
        // Q3/2026 closes on 14/09/2026; on that day it is still open.
        #expect(decree.latestClosedQuarter(asOf: day("2026-09-14")) == .quarter(2, of: 2026))
        #expect(decree.latestClosedQuarter(asOf: day("2026-09-15")) == .quarter(3, of: 2026))
        #expect(decree.latestClosedQuarter(asOf: day("2026-11-23")) == .quarter(3, of: 2026))
        // Q4/2026 closes 14/12/2026
        #expect(decree.latestClosedQuarter(asOf: day("2026-12-15")) == .quarter(4, of: 2026))
        #expect(decree.latestClosedQuarter(asOf: day("2027-01-05")) == .quarter(4, of: 2026))
        #expect(calendar.latestClosedQuarter(asOf: day("2027-01-01")) == .quarter(4, of: 2026))
    }
}

struct PeriodTests {
    @Test(arguments: [
        ("2026-Q2", "2026-Q2"), ("2026", "2026"), ("Q2/2026", "2026-Q2"), ("Quý II/2026", "2026-Q2"),
        ("Quý II năm 2026", "2026-Q2"), ("quý iv năm 2025", "2025-Q4"), ("Quý 3/2026", "2026-Q3"),
        ("2026-q1", "2026-Q1"), ("Năm 2026", "2026"), ("  Quý I / 2026 ", "2026-Q1"),
        ("Qu\u{0079}\u{0301} III/2026", "2026-Q3"),  // NFD "Quý"
    ])
    func parsesEverySpelling(text: String, canonical: String) throws {
        #expect(try #require(Period(parsing: text)).description == canonical)
    }

    @Test(arguments: ["", "2026-Q5", "Q0/2026", "Quý V/2026", "Quý/2026", "26-Q1", "2026-Q1-Q2", "2026 2027", "abc"])
    func refusesNonsense(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test func ordersQuartersThenTheirYear() {
        #expect(Period.quarter(4, of: 2025) < .quarter(1, of: 2026))
        #expect(Period.quarter(4, of: 2026) < .year(2026))
        #expect(Period.year(2026) < .quarter(1, of: 2027))
        #expect(Period.quarter(1, of: 2026).previous == .quarter(4, of: 2025))
        #expect(Period.year(2026).quarters.map(\.description) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
    }
}
