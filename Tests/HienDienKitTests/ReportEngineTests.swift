import Testing
@testable import HienDienKit

/// Figures worked out by hand from small plans built in the test.
struct ReportEngineTests {
    static func day(_ text: String) -> Day { Day(parsing: text)! }

    static func plan(start: String = "2026-01-01", end: String = "2030-12-31", units: [ReportingUnit],
                     indicators: [Indicator], targets: [Target] = [], tasks: [PlanTask] = []) -> Plan {
        Plan(id: "test", title: "Kế hoạch thử", issuer: "Ủy ban nhân dân tỉnh Thử", coordinator: units[0].id,
             place: "Thử", start: day(start), end: day(end), units: units, indicators: indicators,
             targets: targets, tasks: tasks)
    }

    static func v(_ unit: String, _ period: String, _ indicator: String, _ value: Int64) -> StoredValue {
        StoredValue(unit: unit, period: Period(parsing: period)!, indicator: indicator, value: value)
    }

    func run(_ plan: Plan, _ period: String, asOf: String = "2030-12-31", values: [StoredValue],
             submissions: [SubmissionRecord] = [], tasks: [TaskReport] = []) -> PeriodReport {
        ReportEngine(plan: plan).report(for: Period(parsing: period)!, asOf: Self.day(asOf), values: values,
                                        submissions: submissions, taskReports: tasks, narratives: [])
    }

    // MARK: - Ratio of sums

    @Test func ratioIsTheRatioOfSumsNotTheMeanOfShares() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "A", name: "Xã A", type: "commune"), ReportingUnit(id: "B", name: "Xã B", type: "commune")],
            indicators: [Indicator(id: "with_vn", name: "DN dùng .vn", overTime: .last),
                         Indicator(id: "total", name: "DN", overTime: .last)],
            targets: [Target(id: "share", name: "Tỷ lệ", kind: .ratio(numerator: "with_vn", denominator: "total"),
                             goal: 0.5, deadline: Self.day("2030-12-31"), perUnit: true)])
        // A: 1/10 = 10 %, B: 50/100 = 50 %; mean of shares 30 %, ratio of sums 51/110 = 0.463636… → 0.4636
        let report = run(plan, "2026-Q2", values: [
            Self.v("A", "2026-Q2", "with_vn", 1), Self.v("A", "2026-Q2", "total", 10),
            Self.v("B", "2026-Q2", "with_vn", 50), Self.v("B", "2026-Q2", "total", 100),
        ])
        let total = try #require(report.targets.first { $0.scope == .total })
        #expect(total.actual == 0.4636)
        #expect(total.numerator == 51 && total.denominator == 110)
        #expect(report.targets.first { $0.scope == .unit("A") }?.actual == 0.1)
        #expect(report.targets.first { $0.scope == .unit("B") }?.actual == 0.5)
        #expect(report.targets.first { $0.scope == .unit("B") }?.status == .achieved)
    }

    @Test func ratioIsEmptyWithoutADenominator() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "A", name: "Xã A", type: "commune")],
            indicators: [Indicator(id: "with_vn", name: "DN dùng .vn", overTime: .last),
                         Indicator(id: "total", name: "DN", overTime: .last)],
            targets: [Target(id: "share", name: "Tỷ lệ", kind: .ratio(numerator: "with_vn", denominator: "total"),
                             goal: 0.5, deadline: Self.day("2030-12-31"))])
        let missing = run(plan, "2026-Q2", values: [Self.v("A", "2026-Q2", "with_vn", 4)])
        #expect(missing.targets[0].actual == nil)
        #expect(missing.targets[0].status == .noData)
        let zero = run(plan, "2026-Q2", values: [Self.v("A", "2026-Q2", "with_vn", 0), Self.v("A", "2026-Q2", "total", 0)])
        #expect(zero.targets[0].actual == nil)
        #expect(zero.targets[0].status == .noData)
    }

    // MARK: - Over time

    @Test func lastValueIsCarriedAcrossAQuarter() throws {
        let plan = Self.plan(units: [ReportingUnit(id: "STC", name: "Sở Tài chính", type: "department")],
                             indicators: [Indicator(id: "enterprises", name: "DN", overTime: .last)])
        let report = run(plan, "2026-Q2", values: [Self.v("STC", "2026-Q1", "enterprises", 12_400)])
        let row = try #require(report.indicators.first { $0.scope == .unit("STC") })
        #expect(row.value == 12_400)
        #expect(row.cumulative == 12_400)
        #expect(row.carried)
        #expect(report.total("enterprises")?.value == 12_400)
        #expect(report.total("enterprises")?.carried == true)
        // In its own quarter it is not carried.
        #expect(run(plan, "2026-Q1", values: [Self.v("STC", "2026-Q1", "enterprises", 12_400)])
            .indicators.first { $0.scope == .unit("STC") }?.carried == false)
    }

    @Test func sumIndicatorsAddUpWithinAYearAndCumulateFromTheStart() throws {
        let plan = Self.plan(units: [ReportingUnit(id: "X", name: "Xã X", type: "commune")],
                             indicators: [Indicator(id: "id_vn_new", name: "id.vn mới", overTime: .sum)])
        let values = [Self.v("X", "2026-Q1", "id_vn_new", 10), Self.v("X", "2026-Q2", "id_vn_new", 20),
                      Self.v("X", "2026-Q4", "id_vn_new", 5), Self.v("X", "2027-Q1", "id_vn_new", 7)]
        let q3 = try #require(run(plan, "2026-Q3", values: values).indicators.first { $0.scope == .unit("X") })
        #expect(q3.value == nil)  // not reported in Q3: empty, never 0
        #expect(q3.cumulative == 30)
        let year = try #require(run(plan, "2026", values: values).total("id_vn_new"))
        #expect(year.value == 35)
        #expect(year.cumulative == 35)
        #expect(run(plan, "2027-Q1", values: values).total("id_vn_new")?.cumulative == 42)
    }

    // MARK: - Over units

    @Test func sourcesKeepStudentsFromBeingCountedTwice() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "SGDDT", name: "Sở Giáo dục và Đào tạo", type: "department"),
                    ReportingUnit(id: "DHTV", name: "Trường Đại học Trà Vinh", type: "university"),
                    ReportingUnit(id: "CDN", name: "Trường Cao đẳng Nghề", type: "college")],
            indicators: [Indicator(id: "students_id_vn", name: "SV đăng ký id.vn", overTime: .sum,
                                   sources: ["university", "college"])])
        let report = run(plan, "2026-Q1", values: [
            Self.v("SGDDT", "2026-Q1", "students_id_vn", 500),  // the same students again
            Self.v("DHTV", "2026-Q1", "students_id_vn", 300), Self.v("CDN", "2026-Q1", "students_id_vn", 200),
        ])
        #expect(report.total("students_id_vn")?.value == 500)
        let department = try #require(report.indicators.first { $0.scope == .unit("SGDDT") })
        #expect(department.value == 500 && !department.counted)
        #expect(report.typeTotals.first { $0.type == "department" }?.counted == false)
    }

    @Test func mergedCommuneHistoryStillSumsIntoTheTotal() throws {
        let plan = Self.plan(
            start: "2024-07-01", end: "2025-12-31",
            units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department", reports: false),
                    ReportingUnit(id: "XA_A", name: "UBND xã A", type: "commune", until: Self.day("2025-06-30"), mergedInto: "XA_AB"),
                    ReportingUnit(id: "XA_B", name: "UBND xã B", type: "commune", until: Self.day("2025-06-30"), mergedInto: "XA_AB"),
                    ReportingUnit(id: "XA_AB", name: "UBND xã AB", type: "commune", from: Self.day("2025-07-01"))],
            indicators: [Indicator(id: "biz_vn_new", name: "biz.vn mới", overTime: .sum),
                         Indicator(id: "households", name: "Hộ kinh doanh", overTime: .last)])
        let values = [
            Self.v("XA_A", "2025-Q1", "biz_vn_new", 10), Self.v("XA_A", "2025-Q2", "biz_vn_new", 5),
            Self.v("XA_B", "2025-Q2", "biz_vn_new", 3), Self.v("XA_AB", "2025-Q4", "biz_vn_new", 7),
            Self.v("XA_A", "2025-Q2", "households", 400), Self.v("XA_B", "2025-Q2", "households", 250),
            Self.v("XA_AB", "2025-Q4", "households", 700),
        ]
        let report = run(plan, "2025-Q4", values: values)
        // Flows: 10 + 5 + 3 + 7 = 25 from the start, the ended communes included.
        #expect(report.total("biz_vn_new")?.cumulative == 25)
        #expect(report.total("biz_vn_new")?.value == 7)
        // Stocks: the ended communes carry nothing after they ended; the successor reports 700.
        #expect(report.total("households")?.value == 700)
        // The successor's subtotal holds its predecessors' history.
        let subtotal = try #require(report.subtotals.first { $0.unit == "XA_AB" && $0.indicator == "biz_vn_new" })
        #expect(subtotal.cumulative == 25)
        #expect(Set(subtotal.members) == ["XA_AB", "XA_A", "XA_B"])
        // The ended communes are not expected to report in Q4 (window 15/09–14/12/2025).
        #expect(report.submissions.map(\.unit) == ["XA_AB"])
    }

    @Test func parentSubtotalAddsTheDepartmentsOwnOffices() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "SVHTTDL", name: "Sở VHTTDL", type: "department"),
                    ReportingUnit(id: "VP", name: "Văn phòng Sở", type: "office", parent: "SVHTTDL"),
                    ReportingUnit(id: "TRUONG", name: "Trường Trung cấp VHNT&DL", type: "school", parent: "VP")],
            indicators: [Indicator(id: "id_vn_new", name: "id.vn", overTime: .sum)])
        let report = run(plan, "2026-Q1", values: [Self.v("VP", "2026-Q1", "id_vn_new", 4),
                                                    Self.v("TRUONG", "2026-Q1", "id_vn_new", 40)])
        #expect(report.subtotals.first { $0.unit == "SVHTTDL" }?.value == 44)
        #expect(report.subtotals.first { $0.unit == "VP" }?.value == 44)
        #expect(report.total("id_vn_new")?.value == 44)  // each unit once
    }

    // MARK: - Targets

    @Test func rangeTargetIsAchievedFromItsLowEnd() throws {
        let plan = Self.plan(
            start: "2025-01-01", end: "2025-12-31",
            units: [ReportingUnit(id: "DOAN", name: "Thành Đoàn", type: "youth_union")],
            indicators: [Indicator(id: "youth_id_vn", name: "Thanh niên có id.vn", overTime: .last),
                         Indicator(id: "youth_eligible", name: "Thanh niên 18-23", overTime: .last)],
            targets: [Target(id: "id_vn_share", name: "70–80 % id.vn",
                             kind: .ratio(numerator: "youth_id_vn", denominator: "youth_eligible"),
                             goal: 0.7, goalHigh: 0.8, deadline: Self.day("2025-12-31"))])
        let target = run(plan, "2025-Q4", values: [Self.v("DOAN", "2025-Q4", "youth_id_vn", 750),
                                                    Self.v("DOAN", "2025-Q4", "youth_eligible", 1000)]).targets[0]
        #expect(target.actual == 0.75)
        #expect(target.goal == 0.7 && target.goalHigh == 0.8)
        #expect(target.status == .achieved)
        let below = run(plan, "2025-Q4", values: [Self.v("DOAN", "2025-Q4", "youth_id_vn", 699),
                                                   Self.v("DOAN", "2025-Q4", "youth_eligible", 1000)]).targets[0]
        // Q4/2025 window ends 14/12/2025: expected = 0.7 × 347/364 = 0.6673; but Q4 holds the
        // deadline, so the verdict is final: 69,9 % against a 70 % floor is not achieved.
        #expect(below.expected == 0.6673)
        #expect(below.status == .notAchieved)
        let q3 = run(plan, "2025-Q3", values: [Self.v("DOAN", "2025-Q3", "youth_id_vn", 650),
                                                Self.v("DOAN", "2025-Q3", "youth_eligible", 1000)]).targets[0]
        #expect(q3.status == .onTrack)
    }

    /// Thanh Hóa: 50 % of enterprises by 31/12/2030, plan from 01/01/2026. Q2/2026's window ends
    /// 14/06/2026: 164 days of 1,825, expected = 0.5 × 164 / 1825 = 0.044931… → 0.0449.
    @Test func expectedValueAndStatusOnThePeriodBoundary() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "STC", name: "Sở Tài chính", type: "department")],
            indicators: [Indicator(id: "with_vn", name: "DN dùng .vn", overTime: .last),
                         Indicator(id: "total", name: "DN", overTime: .last)],
            targets: [Target(id: "enterprise_share", name: "50 % DN",
                             kind: .ratio(numerator: "with_vn", denominator: "total"),
                             goal: 0.5, deadline: Self.day("2030-12-31"))])
        func status(_ numerator: Int64) -> TargetResult {
            run(plan, "2026-Q2", values: [Self.v("STC", "2026-Q2", "with_vn", numerator),
                                          Self.v("STC", "2026-Q2", "total", 10_000)]).targets[0]
        }
        #expect(status(449).expected == 0.0449)
        #expect(status(449).actual == 0.0449)
        #expect(status(449).status == .onTrack)   // exactly on the line
        #expect(status(448).status == .behind)
        #expect(status(5_000).status == .achieved)
        // Projection: 0.0449 in 164 days → 0.0449 × 1825 / 164 = 0.49965 → 0.4996 at the deadline.
        #expect(status(449).projection?.atDeadline == 0.4996)
        // Quarters left after Quý II/2026 up to 31/12/2030, by the calendar: Q3/2026 … Q4/2030 = 18.
        #expect(status(449).projection?.quartersLeft == 18)
    }

    /// Trà Vinh: 4,026 domains = 3,609 id.vn + 417 biz.vn by 31/12/2025, from quarterly flows.
    @Test func traVinhCountsReach4026FromQuarterlyFlows() throws {
        let plan = Self.plan(
            start: "2024-07-01", end: "2025-12-31",
            units: [ReportingUnit(id: "TINHDOAN", name: "Tỉnh Đoàn", type: "youth_union"),
                    ReportingUnit(id: "STC", name: "Sở Tài chính", type: "department")],
            // Each flow counts other unit types: the 4,026 must add both, each by its own sources.
            indicators: [Indicator(id: "id_vn_new", name: "id.vn", overTime: .sum, sources: ["youth_union"]),
                         Indicator(id: "biz_vn_new", name: "biz.vn", overTime: .sum, sources: ["department"])],
            targets: [
                Target(id: "domains", name: "4.026 tên miền", kind: .count(indicators: ["id_vn_new", "biz_vn_new"]),
                       goal: 4026, deadline: Self.day("2025-12-31")),
                Target(id: "id_vn", name: "3.609 id.vn", kind: .count(indicators: ["id_vn_new"]), goal: 3609,
                       deadline: Self.day("2025-12-31")),
                Target(id: "biz_vn", name: "417 biz.vn", kind: .count(indicators: ["biz_vn_new"]), goal: 417,
                       deadline: Self.day("2025-12-31")),
            ])
        let idFlows: [(String, Int64)] = [("2024-Q3", 400), ("2024-Q4", 600), ("2025-Q1", 700), ("2025-Q2", 650),
                                          ("2025-Q3", 659), ("2025-Q4", 600)]  // 3,609
        let bizFlows: [(String, Int64)] = [("2024-Q3", 50), ("2024-Q4", 60), ("2025-Q1", 80), ("2025-Q2", 70),
                                           ("2025-Q3", 77), ("2025-Q4", 80)]   // 417
        let values = idFlows.map { Self.v("TINHDOAN", $0.0, "id_vn_new", $0.1) }
            + bizFlows.map { Self.v("STC", $0.0, "biz_vn_new", $0.1) }
        let report = run(plan, "2025-Q4", values: values)
        let byID = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.target.id, $0) })
        #expect(byID["id_vn"]?.actual == 3609)
        #expect(byID["biz_vn"]?.actual == 417)
        #expect(byID["domains"]?.actual == 4026)
        #expect(byID["domains"]?.status == .achieved)
        // Half-way: Q4/2024 window ends 14/12/2024; 166 of 548 days → 4026 × 166/548 = 1219.55 → 1220.
        let early = run(plan, "2024-Q4", values: values)
        let domains = try #require(early.targets.first { $0.target.id == "domains" })
        #expect(domains.actual == 1110)
        #expect(domains.expected == 1220)
        #expect(domains.status == .behind)
        // 2025 as a year: its four quarters' windows; cumulative from the plan's start.
        #expect(run(plan, "2025", values: values).targets.first { $0.target.id == "domains" }?.actual == 4026)
    }

    @Test func coverageCountsUnitsOfATypeWithAValueAboveZero() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department"),
                    ReportingUnit(id: "U1", name: "ĐH 1", type: "university"), ReportingUnit(id: "U2", name: "ĐH 2", type: "university"),
                    ReportingUnit(id: "U3", name: "ĐH 3", type: "university"), ReportingUnit(id: "U4", name: "ĐH 4", type: "university")],
            indicators: [Indicator(id: "events", name: "Hội nghị", overTime: .sum)],
            targets: [Target(id: "reach", name: "100 % trường", kind: .coverage(indicator: "events", unitType: "university"),
                             goal: 1, deadline: Self.day("2026-12-31"))])
        let target = run(plan, "2026-Q1", values: [Self.v("U1", "2026-Q1", "events", 2), Self.v("U2", "2026-Q1", "events", 1),
                                                    Self.v("U3", "2026-Q1", "events", 0)]).targets[0]
        #expect(target.actual == 0.5)   // U1, U2 of four; U3 reported 0, U4 nothing
        #expect(target.numerator == 2 && target.denominator == 4)
    }

    // MARK: - Reporting status

    @Test func lastAllowedDayIsOnTimeAndTheDayAfterIsLate() throws {
        let plan = Self.plan(units: [ReportingUnit(id: "A", name: "Xã A", type: "commune"), ReportingUnit(id: "B", name: "Xã B", type: "commune"),
                                     ReportingUnit(id: "C", name: "Xã C", type: "commune"), ReportingUnit(id: "D", name: "Xã D", type: "commune", reports: false)],
                             indicators: [Indicator(id: "x", name: "x", overTime: .sum)])
        let q2 = Period.quarter(2, of: 2026)
        let records = [
            SubmissionRecord(unit: "A", period: q2, firstReceived: Self.day("2026-06-19"), lastReceived: Self.day("2026-06-30"), versions: 2),
            SubmissionRecord(unit: "B", period: q2, firstReceived: Self.day("2026-06-20"), lastReceived: Self.day("2026-06-20"), versions: 1),
        ]
        let report = run(plan, "2026-Q2", asOf: "2026-06-25", values: [], submissions: records)
        let status = Dictionary(uniqueKeysWithValues: report.submissions.map { ($0.unit, $0) })
        #expect(report.due == Self.day("2026-06-19"))
        #expect(status["A"]?.status == .onTime)
        #expect(status["A"]?.revisions == 1)
        #expect(status["B"]?.status == .late)
        #expect(status["C"]?.status == .missing)
        #expect(status["D"] == nil)  // "reports": false
        let pending = run(plan, "2026-Q2", asOf: "2026-06-19", values: [], submissions: []).submissions[0]
        #expect(pending.status == .pending)
        #expect(pending.daysLeft == 0)
        let overall = try #require(report.rates.last)
        #expect(overall.type == nil && overall.expected == 3 && overall.reported == 2 && overall.onTime == 1)
    }

    // MARK: - Tasks

    @Test func aTaskDueInMarchIsOverdueInTheSecondQuarterUnlessDone() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department")],
            indicators: [Indicator(id: "x", name: "x", overTime: .sum)],
            tasks: [PlanTask(id: "I.1", title: "Ban hành văn bản triển khai", lead: ["SKHCN"], schedule: .due(year: 2026, month: 3)),
                    PlanTask(id: "IV.1", title: "Báo cáo định kỳ", lead: ["SKHCN"], schedule: .quarterly),
                    PlanTask(id: "IV.2", title: "Tổng kết", lead: ["SKHCN"], schedule: .yearly(month: 11))])
        let q1 = Period.quarter(1, of: 2026)
        let inProgress = [TaskReport(unit: "SKHCN", period: q1, task: "I.1", status: .inProgress, evidence: "Dự thảo")]
        // A Q1 report written on 20/03, before the end of March: not yet overdue; written on
        // 01/04 (as-of), the due month has passed: overdue (CONTRACT.md judges at as-of).
        #expect(run(plan, "2026-Q1", asOf: "2026-03-20", values: [], tasks: inProgress).tasks[0].status == .inProgress)
        #expect(run(plan, "2026-Q1", asOf: "2026-04-01", values: [], tasks: inProgress).tasks[0].status == .overdue)
        let q2 = run(plan, "2026-Q2", asOf: "2026-06-25", values: [], tasks: inProgress)
        #expect(q2.tasks[0].status == .overdue)
        #expect(q2.tasks[0].evidence.first?.text == "Dự thảo")
        // The quarterly task is owed again in Q2 and never overdue; nothing said → not started, not reported.
        #expect(q2.tasks[1].status == .notStarted)
        #expect(q2.tasks[1].reported == false)
        #expect(!q2.tasks[1].notYetDue)
        let done = inProgress + [TaskReport(unit: "SKHCN", period: .quarter(2, of: 2026), task: "I.1", status: .done,
                                            evidence: "Công văn số 123/SKHCN-CNS")]
        #expect(run(plan, "2026-Q2", values: [], tasks: done).tasks[0].status == .done)
        // The year-end review is owed in November: not yet due in Q2, due by Q4 (window to 14/12).
        #expect(q2.tasks[2].notYetDue && q2.tasks[2].status == .notStarted)
        #expect(!run(plan, "2026-Q4", values: [], tasks: done).tasks[2].notYetDue)
    }

    // MARK: - Data checks

    @Test func suspiciousFiguresAreListedNotFixed() throws {
        let plan = Self.plan(
            units: [ReportingUnit(id: "A", name: "Xã A", type: "commune")],
            indicators: [Indicator(id: "with_vn", name: "DN dùng .vn", overTime: .last),
                         Indicator(id: "total", name: "DN", overTime: .last),
                         Indicator(id: "new", name: "Mới", overTime: .sum)],
            targets: [Target(id: "share", name: "Tỷ lệ", kind: .ratio(numerator: "with_vn", denominator: "total"),
                             goal: 0.5, deadline: Self.day("2030-12-31"))])
        let report = run(plan, "2026-Q2", values: [
            Self.v("A", "2026-Q1", "total", 100), Self.v("A", "2026-Q2", "total", 90),       // stock fell
            Self.v("A", "2026-Q2", "with_vn", 95),                                            // above denominator
            Self.v("A", "2026-Q1", "new", 4), Self.v("A", "2026-Q2", "new", 40),             // tenfold
        ])
        let kinds = Set(report.warnings.map(\.kind))
        #expect(kinds == [.stockFell, .numeratorAboveDenominator, .jump])
        #expect(report.total("total")?.value == 90)  // not "fixed"
        #expect(report.targets[0].actual == 1.0556)
    }
}

extension ReportEngineTests {
    /// Year-end: the four quarters side by side and the previous year. (Ranking and commendation
    /// are the plan's own rules: PlanRulesEngineTests.)
    @Test func yearEndComparesQuartersAndThePreviousYear() throws {
        let plan = Self.plan(
            start: "2025-01-01", end: "2026-12-31",
            units: [ReportingUnit(id: "SKHCN", name: "Sở KH&CN", type: "department", reports: false),
                    ReportingUnit(id: "A", name: "Xã A", type: "commune"), ReportingUnit(id: "B", name: "Xã B", type: "commune"),
                    ReportingUnit(id: "C", name: "Xã C", type: "commune")],
            indicators: [Indicator(id: "id_vn_new", name: "id.vn", overTime: .sum)],
            targets: [Target(id: "domains", name: "Tên miền", kind: .count(indicators: ["id_vn_new"]), goal: 100,
                             deadline: Self.day("2026-12-31"), perUnit: true)])
        var values: [StoredValue] = [Self.v("A", "2025-Q4", "id_vn_new", 8)]
        for q in 1...4 {
            let period = Period.quarter(q, of: 2026)
            values += [Self.v("A", period.description, "id_vn_new", Int64(10 * q)), Self.v("B", period.description, "id_vn_new", 5)]
        }
        let report = ReportEngine(plan: plan).report(for: .year(2026), asOf: Self.day("2026-12-20"), values: values,
                                                     submissions: [], taskReports: [], narratives: [])
        #expect(report.quarterTotals.map(\.period.description) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(report.quarterTotals.map { $0.rows.first?.value } == [15, 25, 35, 45])
        #expect(report.total("id_vn_new")?.value == 120)
        #expect(report.total("id_vn_new")?.cumulative == 128)
        #expect(report.previousYearTotals.first?.value == 8)
    }
}

struct ExactRatioTests {
    @Test(arguments: [(51, 110, 0.4636), (1, 2, 0.5), (43215, 100_000, 0.4322), (43214, 100_000, 0.4321),
                      (1, 3, 0.3333), (2, 3, 0.6667), (0, 5, 0.0), (7, 7, 1.0), (95, 90, 1.0556)])
    func roundsHalfUpToFourPlaces(numerator: Int64, denominator: Int64, expected: Double) {
        #expect(exactRatio(numerator, denominator) == expected)
    }
}
