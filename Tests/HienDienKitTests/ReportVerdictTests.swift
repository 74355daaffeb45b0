import Foundation
import Testing
@testable import HienDienKit

/// The report's verdicts as the issue on the signed report words them: final Đạt/Không đạt at
/// the deadline, projections counted in calendar quarters, tasks judged at the report's date,
/// ended units left alone.
struct ReportVerdictTests {
    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func period(_ text: String) -> Period { Period(parsing: text)! }

    /// Trà Vinh's domains target: 4.026 new id.vn and biz.vn by 31/12/2025, plan from 01/07/2024.
    static let plan = Plan(
        id: "tra-vinh-test", title: "Kế hoạch", issuer: "Ủy ban nhân dân tỉnh Trà Vinh", coordinator: "SKHCN",
        place: "Trà Vinh", start: day("2024-07-01"), end: day("2025-12-31"),
        units: [
            ReportingUnit(id: "SKHCN", name: "Sở Khoa học và Công nghệ", type: "department"),
            ReportingUnit(id: "TINHDOAN", name: "Tỉnh Đoàn Trà Vinh", type: "youth_union"),
            // A district that ended on 30/6/2025 when district level was abolished.
            ReportingUnit(id: "H_CANGLONG", name: "UBND huyện Càng Long", type: "district", until: day("2025-06-30")),
        ],
        indicators: [
            Indicator(id: "id_vn_new", name: "Tên miền id.vn đăng ký mới", unit: "tên miền", overTime: .sum),
            Indicator(id: "households_reached", name: "Hộ kinh doanh được truyền thông", unit: "hộ", overTime: .last),
        ],
        targets: [
            Target(id: "domains", name: "Tên miền id.vn và biz.vn đăng ký mới giai đoạn 2024 - 2025",
                   kind: .count(indicators: ["id_vn_new"]), goal: 4026, deadline: day("2025-12-31")),
        ],
        tasks: [
            PlanTask(id: "I.1", title: "Ban hành văn bản triển khai", lead: ["SKHCN"], schedule: .due(year: 2025, month: 3)),
        ])

    static func values(total: Int64) -> [StoredValue] {
        [StoredValue(unit: "TINHDOAN", period: period("2024-Q3"), indicator: "id_vn_new", value: 1000),
         StoredValue(unit: "TINHDOAN", period: period("2025-Q2"), indicator: "id_vn_new", value: 2000),
         StoredValue(unit: "TINHDOAN", period: period("2025-Q4"), indicator: "id_vn_new", value: total - 3000),
         StoredValue(unit: "H_CANGLONG", period: period("2025-Q1"), indicator: "households_reached", value: 1200),
         // The district's last report hands its figures over: zero.
         StoredValue(unit: "H_CANGLONG", period: period("2025-Q2"), indicator: "households_reached", value: 0)]
    }

    static func report(_ period: String, asOf: String, total: Int64 = 4007, tasks: [TaskReport] = []) -> PeriodReport {
        ReportEngine(plan: plan).report(for: Self.period(period), asOf: day(asOf), values: values(total: total),
                                        submissions: [], taskReports: tasks, narratives: [])
    }

    @Test func atTheDeadlineATargetIsAchievedOrNotNeverOnTrack() throws {
        // 4.007/4.026 in the 2025 year-end report: "Đúng tiến độ" with 17 days left was the defect.
        let year = Self.report("2025", asOf: "2025-12-14")
        let domains = try #require(year.targets.first { $0.scope == .total })
        #expect(domains.status == .notAchieved)
        #expect(ReportContext(report: year).verdictLabel(domains) == "Không đạt — còn thiếu 19 tên miền")
        #expect(ReportTables.targets(year).contains(",2025-12-31,not_achieved\r\n"))
        let reached = Self.report("2025", asOf: "2025-12-14", total: 4026)
        #expect(reached.targets.first { $0.scope == .total }?.status == .achieved)
        // Before the deadline's period the road map still speaks.
        let earlier = Self.report("2025-Q2", asOf: "2025-06-20")
        #expect(earlier.targets.first { $0.scope == .total }?.status != .notAchieved)
    }

    @Test func aYearEndReportBeforeTheThirtyFirstEstimatesTheYearFromThePace() throws {
        let year = Self.report("2025", asOf: "2025-12-14")
        let lines = ReportContext(report: year).projections()
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Tên miền id.vn và biz.vn đăng ký mới giai đoạn 2024 - 2025: ước thực hiện đến 31/12/2025 đạt "))
        // Less than a quarter left: no "cần tăng … mỗi quý trong 1 quý còn lại".
        #expect(!lines[0].contains("quý còn lại"))
    }

    @Test func projectionsCountCalendarQuarters() {
        // Thanh Hóa: from Quý II/2026 to 31/12/2030 there are 18 quarters (Q3/2026 … Q4/2030), not 19.
        #expect(ReportEngine.quartersBetween(.quarter(2, of: 2026), and: Self.day("2030-12-31")) == 18)
        #expect(ReportEngine.quartersBetween(.quarter(4, of: 2025), and: Self.day("2025-12-31")) == 0)
        #expect(ReportEngine.quartersBetween(.year(2025), and: Self.day("2025-12-31")) == 0)
        #expect(ReportEngine.quartersBetween(.quarter(3, of: 2025), and: Self.day("2025-12-31")) == 1)
    }

    @Test func aTaskIsOverdueOnceItsDueMonthHasPassedByTheReportsDate() {
        // Due "2025-03", not done, Q1 report written on 01/04/2025 (the window closed on 14/3).
        let notDone = [TaskReport(unit: "SKHCN", period: Self.period("2025-Q1"), task: "I.1", status: .inProgress, evidence: nil)]
        let written = Self.report("2025-Q1", asOf: "2025-04-01", tasks: notDone)
        #expect(written.tasks[0].status == .overdue)
        let early = Self.report("2025-Q1", asOf: "2025-03-20", tasks: notDone)
        #expect(early.tasks[0].status == .inProgress)
        #expect(early.tasks[0].notYetDue)
    }

    @Test func aUnitThatEndedIsNotAskedAfterwardsNorFlaggedForItsHandoverZeros() {
        let q2 = Self.report("2025-Q2", asOf: "2025-06-25")
        #expect(q2.submissions.contains { $0.unit == "H_CANGLONG" })
        let q3 = Self.report("2025-Q3", asOf: "2025-09-25")
        #expect(!q3.submissions.contains { $0.unit == "H_CANGLONG" })
        let year = Self.report("2025", asOf: "2025-12-14")
        #expect(!year.submissions.contains { $0.unit == "H_CANGLONG" })
        #expect(!q2.warnings.contains { $0.unit == "H_CANGLONG" })
    }

    @Test func rankingAndCommendationOnlyFromThePlansOwnRules() throws {
        // Thanh Hóa's plan asks "đề xuất khen thưởng (nếu có)"; here the plan declares both a
        // ranking by new id.vn domains and commendation for meeting the biz.vn share.
        var plan = ReportRendererTests.plan
        plan.ranking = RankingRule(by: "id_vn_new", label: "Số tên miền id.vn đăng ký mới")
        plan.commendation = CommendationRule(criteria: ["biz_share"], basis: "mục V Kế hoạch (đề xuất khen thưởng nếu có)")
        let report = ReportEngine(plan: plan).report(
            for: Self.period("2026"), asOf: Self.day("2026-12-18"), values: ReportRendererTests.values,
            submissions: ReportRendererTests.submissions, taskReports: [], narratives: [])
        let markdown = try ReportRendererTests.renderer.markdown(report)
        // Both communes end 2026 above 50 % (1.700/3.000, 4.000/7.000): proposed, by name.
        #expect(markdown.contains("Căn cứ mục V Kế hoạch (đề xuất khen thưởng nếu có), đề nghị khen thưởng 2 đơn vị đạt đủ các tiêu chí: "))
        #expect(markdown.contains("UBND xã Quảng Phú"))
        #expect(markdown.contains("| Hạng | Đơn vị | Số tên miền id.vn đăng ký mới |"))
        #expect(markdown.contains("| 1 | Tỉnh Đoàn Thanh Hóa | 2.581 |"))
        // The same data without rules: neither section.
        let plain = try ReportRendererTests.renderer.markdown(ReportRendererTests.year)
        #expect(!plain.contains("khen thưởng") && !plain.contains("Hạng"))
    }
}
