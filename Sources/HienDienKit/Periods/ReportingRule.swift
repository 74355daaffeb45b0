/// The plan's reporting rule: which data window a period covers and when its report is due.
///
/// `decree-09` windows follow Decree 09/2019/NĐ-CP Art. 12: a quarter runs from the 15th of
/// the month before it to the 14th of its last month (Q1 = 15/12 of the previous year –
/// 14/03); a year from 15/12 of the previous year to 14/12. `calendar` quarters run
/// 01/01–31/03 and so on.
public struct ReportingRule: Hashable, Sendable {
    public enum WindowRule: String, Hashable, Sendable, CaseIterable {
        case decree09 = "decree-09"
        case calendar
    }

    public var window: WindowRule
    /// "before the 20th of the last month of the quarter": 20 makes the 19th the last day allowed.
    public var quarterlyBeforeDay: Int
    /// "before 15/12": month 12, day 15 makes 14/12 the last day allowed.
    public var annualBeforeMonth: Int
    public var annualBeforeDay: Int

    public init(window: WindowRule = .decree09, quarterlyBeforeDay: Int = 20,
                annualBeforeMonth: Int = 12, annualBeforeDay: Int = 15) {
        self.window = window
        self.quarterlyBeforeDay = quarterlyBeforeDay
        self.annualBeforeMonth = annualBeforeMonth
        self.annualBeforeDay = annualBeforeDay
    }

    /// The first and last day of data a period's report covers.
    public func window(for period: Period) -> ClosedRange<Day> {
        switch (window, period.quarter) {
        case (.decree09, let quarter?):
            let lastMonth = quarter * 3
            let start = lastMonth == 3
                ? Day(year: period.year - 1, month: 12, day: 15)!
                : Day(year: period.year, month: lastMonth - 3, day: 15)!
            return start...Day(year: period.year, month: lastMonth, day: 14)!
        case (.decree09, nil):
            return Day(year: period.year - 1, month: 12, day: 15)!...Day(year: period.year, month: 12, day: 14)!
        case (.calendar, let quarter?):
            return Day(year: period.year, month: quarter * 3 - 2, day: 1)!...Day.endOf(month: quarter * 3, year: period.year)
        case (.calendar, nil):
            return Day(year: period.year, month: 1, day: 1)!...Day(year: period.year, month: 12, day: 31)!
        }
    }

    /// The last day a period's report may be received and still be on time.
    public func lastAllowedDay(for period: Period) -> Day {
        if let quarter = period.quarter {
            let month = quarter * 3
            let day = min(quarterlyBeforeDay, Day.daysIn(month: month, year: period.year) + 1)
            return Day(year: period.year, month: month, day: 1)!.adding(days: day - 1 - 1)
        }
        let day = min(annualBeforeDay, Day.daysIn(month: annualBeforeMonth, year: period.year) + 1)
        return Day(year: period.year, month: annualBeforeMonth, day: 1)!.adding(days: day - 1 - 1)
    }

    /// The most recent quarter whose window has closed on or before `day`
    /// (what `--period latest` means).
    public func latestClosedQuarter(asOf day: Day) -> Period {
        var period = Period.quarter(4, of: day.year + 1)
        while window(for: period).upperBound >= day { period = period.previous }
        return period
    }
}
